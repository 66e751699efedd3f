/** Renders text with its matched parts marked. Text is always rendered as text, never as HTML. */
import { html, nothing, type TemplateResult } from 'lit';
import type { TextRange } from '../directory/text.js';

export function highlight(text: string, ranges: readonly TextRange[]): TemplateResult | string {
  if (ranges.length === 0) return text;
  const pieces: (TemplateResult | string)[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start > at) pieces.push(text.slice(at, start));
    pieces.push(html`<mark part="highlight">${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return html`${pieces}${nothing}`;
}
