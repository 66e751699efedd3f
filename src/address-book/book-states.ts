/**
 * The book's state messages: the link-to-Teams hint, failed sources with a retry, non-blocking notices, and the
 * loading / empty / no-match messages. Templates only; the element decides when each applies.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedDirectory } from '../directory/directory-cache.js';
import type { AddressBookStrings } from './strings.js';

export interface ProblemsState {
  readonly text: AddressBookStrings;
  readonly directory: LoadedDirectory | undefined;
  /** Whether the last load failed as a whole. */
  readonly failed: boolean;
  readonly notices: readonly string[];
  /** Bound by Lit to the element that renders the template. */
  readonly onRetry: () => void;
}

function sourceError(message: string, retry: string, onRetry: () => void): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <span>${message}</span>
    <button part="retry-button" type="button" @click=${onRetry}>${retry}</button>
  </div>`;
}

export function bookProblems({ text, directory, failed, notices, onRetry }: ProblemsState): TemplateResult {
  // The hint needs a known answer: when the link check failed, a notice says so instead.
  const notLinked = directory && directory.agent.linkedTeamsUserId === null && directory.agentError === undefined;
  return html`${notLinked ? html`<p part="hint" class="hint">${text.notLinkedHint}</p>` : nothing}
    ${(directory?.failures ?? []).map((failure) => sourceError(text.sourceFailed(failure.label), text.retry, onRetry))}
    ${failed ? sourceError(text.directoryFailed, text.retry, onRetry) : nothing}
    ${notices.map((notice) => html`<p part="notice" class="notice">${notice}</p>`)}`;
}

export interface MessageState {
  readonly text: AddressBookStrings;
  readonly directory: LoadedDirectory | undefined;
  readonly loading: boolean;
  readonly rowCount: number;
  readonly query: string;
}

export function bookMessage({ text, directory, loading, rowCount, query }: MessageState): TemplateResult | typeof nothing {
  if (!directory) {
    if (!loading) return nothing;
    return html`<div class="skeletons" aria-hidden="true">
      ${[0, 1, 2, 3, 4].map(() => html`<div part="skeleton" class="skeleton"><span></span><span></span></div>`)}
    </div>`;
  }
  if (directory.entries.length === 0 && rowCount === 0) {
    return html`<div part="message" class="message"><slot name="empty">${text.emptyDirectory}</slot></div>`;
  }
  if (rowCount === 0) return html`<div part="message" class="message">${text.noMatches(query.trim())}</div>`;
  return nothing;
}
