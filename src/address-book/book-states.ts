/**
 * The book's state messages: the link-to-Teams hint, failed sources with a retry (or a sign-in button when the
 * source needs the agent to sign in), non-blocking notices, and the loading / empty / no-match messages.
 * Templates only; the element decides when each applies.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedDirectory } from '../directory/directory-cache.js';
import { isSignInRequired, type SignInRequiredError } from '../directory/errors.js';
import type { AddressBookStrings } from './strings.js';

export interface ProblemsState {
  readonly text: AddressBookStrings;
  readonly directory: LoadedDirectory | undefined;
  /** The last load's failure when it failed as a whole. */
  readonly failure: { readonly error: unknown } | undefined;
  readonly notices: readonly string[];
  /** Bound by Lit to the element that renders the template. */
  readonly onRetry: () => void;
  readonly onSignIn: (error: SignInRequiredError) => Promise<void>;
}

function problem(message: string, error: unknown, state: ProblemsState): TemplateResult {
  const { text, onRetry, onSignIn } = state;
  const signIn = isSignInRequired(error) ? error : undefined;
  return html`<div part="error" class="error" role="alert">
    <span>${signIn ? signIn.message : message}</span>
    ${signIn
      ? html`<button part="sign-in-button" type="button" @click=${() => void onSignIn(signIn)}>${text.signIn}</button>`
      : html`<button part="retry-button" type="button" @click=${onRetry}>${text.retry}</button>`}
  </div>`;
}

export function bookProblems(state: ProblemsState): TemplateResult {
  const { text, directory, failure, notices } = state;
  // The hint needs a known answer: when the link check failed, a notice says so instead.
  const notLinked = directory && directory.agent.linkedTeamsUserId === null && directory.agentError === undefined;
  return html`${notLinked ? html`<p part="hint" class="hint">${text.notLinkedHint}</p>` : nothing}
    ${(directory?.failures ?? []).map((sourceFailure) => problem(text.sourceFailed(sourceFailure.label), sourceFailure.error, state))}
    ${failure ? problem(text.directoryFailed, failure.error, state) : nothing}
    ${directory?.agentError !== undefined && isSignInRequired(directory.agentError) ? problem('', directory.agentError, state) : nothing}
    ${notices.map((notice) => html`<p part="notice" class="notice">${notice}</p>`)}`;
}

export interface MessageState {
  readonly text: AddressBookStrings;
  readonly directory: LoadedDirectory | undefined;
  readonly loading: boolean;
  readonly searching: boolean;
  readonly rowCount: number;
  readonly query: string;
}

export function bookMessage({ text, directory, loading, searching, rowCount, query }: MessageState): TemplateResult | typeof nothing {
  if (!directory) {
    if (!loading) return nothing;
    return html`<div class="skeletons" aria-hidden="true">
      ${[0, 1, 2, 3, 4].map(() => html`<div part="skeleton" class="skeleton"><span></span><span></span></div>`)}
    </div>`;
  }
  if (searching) return html`<div part="message" class="message">${text.searching}</div>`;
  // Nothing to show without a query: the directory (or what this mode offers of it) is empty.
  if (rowCount === 0 && query.trim() === '') {
    return html`<div part="message" class="message"><slot name="empty">${text.emptyDirectory}</slot></div>`;
  }
  if (rowCount === 0) return html`<div part="message" class="message">${text.noMatches(query.trim())}</div>`;
  return nothing;
}

/** Notices about the directory on screen (not about this open), so they survive close and reopen. */
export function directoryNotices(directory: LoadedDirectory | undefined, text: AddressBookStrings): string[] {
  if (!directory) return [];
  return [
    ...(directory.rejected > 0 ? [text.rejectedEntries(directory.rejected)] : []),
    ...(directory.agentError !== undefined && !isSignInRequired(directory.agentError) ? [text.agentCheckFailed] : []),
  ];
}
