/**
 * The book's state messages: the link-to-Teams hint, failed sources with a retry (or a sign-in button when the
 * source, presence or a server search needs the agent to sign in), non-blocking notices, and the loading / empty /
 * no-match messages. Templates only; the element decides when each applies.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ListProgress } from '../directory/adapter.js';
import type { LoadedDirectory } from '../directory/loaded-directory.js';
import { isSignInRequired, type SignInRequiredError } from '../directory/errors.js';
import type { BookText } from './strings.js';

export interface ProblemsState {
  readonly text: BookText;
  readonly directory: LoadedDirectory | undefined;
  /** The last load's failure when it failed as a whole. */
  readonly failure: { readonly error: unknown } | undefined;
  readonly notices: readonly string[];
  /** A sign-in that presence or a server search needs, shown when no failed load already offers one. */
  readonly openSignIn?: SignInRequiredError | undefined;
  /** Bound by Lit to the element that renders the template. */
  readonly onRetry: () => void;
  readonly onSignIn: (error: SignInRequiredError) => Promise<void>;
}

/** A failed load: `source` is the failed source's label, undefined for the whole directory. */
function problem(message: string, error: unknown, state: ProblemsState, source?: string): TemplateResult {
  const { text, onRetry, onSignIn } = state;
  const signIn = isSignInRequired(error) ? error : undefined;
  return html`<div part="error" class="error" role="alert">
    <span>${signIn ? text.signInRequired(source, signIn.message) : message}</span>
    ${signIn
      ? html`<button part="sign-in-button" type="button" @click=${() => void onSignIn(signIn)}>${text.signIn}</button>`
      : html`<button part="retry-button" type="button" @click=${onRetry}>${text.retry}</button>`}
  </div>`;
}

export function bookProblems(state: ProblemsState): TemplateResult {
  const { text, directory, failure, notices, openSignIn } = state;
  // The hint needs a known answer: when the link check failed, a notice says so instead.
  const notLinked = directory && directory.agent.linkedTeamsUserId === null && directory.agentError === undefined;
  const loadSignIn = [...(directory?.failures ?? []).map((sourceFailure) => sourceFailure.error), failure?.error, directory?.agentError].some(isSignInRequired);
  return html`${notLinked ? html`<p part="hint" class="hint">${text.notLinkedHint}</p>` : nothing}
    ${(directory?.failures ?? []).map(({ label, error, staleSince }) =>
      problem(staleSince === undefined ? text.sourceFailed(label) : text.sourceStale(label, text.formatTime(staleSince)), error, state, label),
    )}
    ${failure ? problem(directory ? text.directoryStale(text.formatTime(directory.loadedAt)) : text.directoryFailed, failure.error, state) : nothing}
    ${directory?.agentError !== undefined && isSignInRequired(directory.agentError) ? problem('', directory.agentError, state) : nothing}
    ${openSignIn && !loadSignIn ? problem('', openSignIn, state) : nothing}
    ${notices.map((notice) => html`<p part="notice" class="notice">${notice}</p>`)}`;
}

export interface MessageState {
  readonly text: BookText;
  readonly directory: LoadedDirectory | undefined;
  readonly loading: boolean;
  /** How far the load has got, when the adapter reports it. */
  readonly progress?: ListProgress | undefined;
  readonly searching: boolean;
  readonly rowCount: number;
  readonly query: string;
}

export function bookMessage(state: MessageState): TemplateResult | typeof nothing {
  const message = stateMessage(state);
  // Entries are shown while the load goes on (the sources that answered, or the last good listing during a reload):
  // how far the rest has got shows below them.
  if (!state.directory || !state.loading || !state.progress) return message;
  return html`${loadingProgress(state.text, state.progress)}${message}`;
}

function stateMessage({ text, directory, loading, searching, rowCount, query, progress }: MessageState): TemplateResult | typeof nothing {
  if (!directory) {
    if (!loading) return nothing;
    return html`${progress ? loadingProgress(text, progress) : nothing}<div class="skeletons" aria-hidden="true">
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

/**
 * The progress the adapter reported while the directory loads: a line per source (a composite adapter), else one for
 * the whole, in a `progressbar` whose value is the count loaded, of the total once every source knows its own.
 */
export function loadingProgress(text: BookText, progress: ListProgress): TemplateResult | typeof nothing {
  const lines = progress.sources
    ? progress.sources.map(({ label, loaded, total, done }) => text.loadProgress({ source: label, loaded, total, done }, text.formatNumber))
    : [text.loadProgress({ source: undefined, loaded: progress.loaded, total: progress.total, done: false }, text.formatNumber)];
  if (lines.length === 0) return nothing;
  const { total } = progress;
  return html`<div
    part="progress"
    class="progress"
    role="progressbar"
    aria-label=${text.loading}
    aria-valuemin=${total === undefined ? nothing : 0}
    aria-valuemax=${total === undefined ? nothing : total}
    aria-valuenow=${total === undefined ? nothing : Math.min(progress.loaded, total)}
    aria-valuetext=${lines.join('; ')}
  >
    ${lines.map((line) => html`<div class="progress-line">${line}</div>`)}
  </div>`;
}

/**
 * What the book says of the data it dropped from a directory: entries it could not use, numbers beyond an entry's cap
 * (docs/rules.md#adapter-answers-not-trusted, #numbers-cleaned-and-capped). Notices, and one `invalid-entries` report.
 */
export function droppedDataNotices(directory: LoadedDirectory, text: BookText): string[] {
  return [
    ...(directory.rejected > 0 ? [text.rejectedEntries(directory.rejected)] : []),
    ...(directory.droppedNumbers > 0 ? [text.droppedNumbers(directory.droppedNumbers)] : []),
  ];
}

/** Notices about the directory on screen (not about this open), so they survive close and reopen. */
export function directoryNotices(directory: LoadedDirectory | undefined, text: BookText): string[] {
  if (!directory) return [];
  return [
    ...droppedDataNotices(directory, text),
    ...(directory.agentError !== undefined && !isSignInRequired(directory.agentError) ? [directory.agentStale ? text.agentCheckStale : text.agentCheckFailed] : []),
  ];
}
