/** What the two embedding mocks share: their look (Lit `css`, so no inline styles) and the presence refresh hint. */
import { css, html, type TemplateResult } from 'lit';
import { STORY_PRESENCE_PERIOD_MS } from '../stories/story-adapters.js';

export const embeddingStyles = css`
  :host {
    display: block;
    color: var(--demo-text, CanvasText);
    font: inherit;
  }
  .card {
    padding: 1rem 1.25rem;
    background: var(--demo-surface, Canvas);
    border: 1px solid var(--demo-border, #c7c7cf);
    border-radius: 10px;
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.08);
  }
  h3 {
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
  }
  label {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  input,
  button {
    font: inherit;
    color: inherit;
  }
  input {
    padding: 0.5rem 0.625rem;
    background: var(--demo-surface, Canvas);
    border: 1px solid var(--demo-border, #8a8a96);
    border-radius: 6px;
  }
  button {
    padding: 0.45rem 0.9rem;
    background: var(--demo-button, #f1f1f6);
    border: 1px solid var(--demo-border, #8a8a96);
    border-radius: 6px;
    cursor: pointer;
  }
  button:hover {
    background: var(--demo-button-hover, #e3e3ee);
  }
  button.primary {
    background: var(--demo-accent, #4f52b2);
    border-color: var(--demo-accent, #4f52b2);
    color: var(--demo-on-accent, #fff);
  }
  button[aria-pressed='true'] {
    background: var(--demo-pressed, #dcdcf5);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  :focus-visible {
    outline: 3px solid var(--demo-focus, #4f52b2);
    outline-offset: 2px;
  }
  .help,
  .hint {
    margin: 0.375rem 0 0;
    color: var(--demo-muted, #5c5c66);
    font-size: 0.875rem;
  }
  .status {
    margin: 0.75rem 0 0;
    min-block-size: 1.5em;
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;

/** Presence is read only when the book opens: say so next to each embedded book. */
export function refreshHint(periodMs: number = STORY_PRESENCE_PERIOD_MS): TemplateResult {
  const seconds = Math.round(periodMs / 1000);
  return html`<p class="hint">
    Refresh hint: presence is read when the address book opens and does not change while it stays open. Demo presences
    move every ${seconds} s or so: close the book and open it again to see new ones.
  </p>`;
}
