/**
 * What went wrong, for the book to report and show: a load's problems reported once (its failed sources, the entries
 * and numbers it dropped, the link check), and this open's notices and sign-in (presence or a server search failed).
 * docs/rules.md#a-failed-refresh-keeps-what-was-shown, #error-messages-are-ours, #graph-401-leads-to-sign-in.
 */
import { isSignInRequired, type SignInRequiredError } from '../directory/errors.js';
import type { LoadedDirectory } from '../directory/loaded-directory.js';
import type { ContactpadElement } from '../internal/contactpad-element.js';
import { reportFailure } from './events.js';
import { droppedDataNotices } from './status-templates.js';
import type { BookText } from './strings.js';

/** Holds what this open shows of failures; the book renders it (a change requests an update). */
export class BookProblems {
  private openNotices: readonly string[] = [];
  private signInNeeded: SignInRequiredError | undefined;

  constructor(private readonly host: ContactpadElement) {}

  /** This open's notices (presence or a server search failed), each once. */
  get notices(): readonly string[] {
    return this.openNotices;
  }

  /** A sign-in that presence or a server search of this open needs: its button shows. */
  get openSignIn(): SignInRequiredError | undefined {
    return this.signInNeeded;
  }

  /** A new open (or signed in): what the last one showed is gone. */
  clear(): void {
    this.openNotices = [];
    this.signInNeeded = undefined;
    this.host.requestUpdate();
  }

  /** Reports a newly loaded directory's problems, once per load. */
  loaded(directory: LoadedDirectory, text: BookText): void {
    for (const { error, source, label } of directory.failures) reportFailure(this.host, 'list-entries', error, { source, label });
    // Entries and numbers dropped are one problem of the data: one report (docs/rules.md#numbers-cleaned-and-capped).
    const dropped = droppedDataNotices(directory, text);
    const counts = { count: directory.rejected || undefined, droppedNumbers: directory.droppedNumbers || undefined };
    if (dropped.length > 0) reportFailure(this.host, 'invalid-entries', new Error(dropped.join(' ')), counts);
    // A source that failed both its listing and the link check (one outage) is reported once, with its listing.
    const sourceReported = directory.failures.some((failure) => failure.source === directory.agentErrorSource);
    if (directory.agentError !== undefined && !sourceReported) reportFailure(this.host, 'signed-in-agent', directory.agentError);
  }

  /** Presence or a server search failed: reported once; on screen a notice, or Sign in. */
  openFailed(operation: 'get-presences' | 'search-entries', error: unknown, notice: string): void {
    reportFailure(this.host, operation, error);
    if (isSignInRequired(error)) {
      this.signInNeeded = error;
      this.host.requestUpdate();
    } else if (!this.openNotices.includes(notice)) {
      this.openNotices = [...this.openNotices, notice];
      this.host.requestUpdate();
    }
  }

  /**
   * Signs in from the agent's click; `signedIn` runs once it worked. A failure leaves the button for another try, and
   * is reported unless the agent closed the popup (their choice, not an error).
   */
  async signIn(error: SignInRequiredError, signedIn: () => void): Promise<void> {
    try {
      await error.signIn();
    } catch (signInError) {
      if ((signInError as { errorCode?: unknown } | null)?.errorCode !== 'user_cancelled') reportFailure(this.host, 'sign-in', signInError);
      return;
    }
    this.signInNeeded = undefined;
    this.host.requestUpdate();
    signedIn();
  }
}
