/** The book's public events: their details, and how a failure is reported. */
import type { BookMode } from '../directory/dial-policy.js';
import type { DirectoryEntry } from '../directory/entry.js';
import { isSignInRequired } from '../directory/errors.js';
import type { PhoneNumber } from '../directory/phone-number.js';
import { MAX_NUMBERS_PER_ENTRY } from '../directory/sanitize.js';
import type { ContactpadElement } from '../internal/contactpad-element.js';

export interface ContactpadSelectDetail {
  /** The chosen entry, or `null` when the agent chose the number they typed. */
  readonly entry: DirectoryEntry | null;
  /** The number to dial, or `null` for a contact-centre entity dialled by its id (agent, group, plan). */
  readonly number: PhoneNumber | null;
  readonly mode: BookMode;
}

/**
 * What failed: listing a source, reading presences, checking the Teams link, entries that were malformed, a server
 * search, signing in, or a `presenceMapping` that is not a mapping.
 */
export type ContactpadErrorOperation =
  | 'list-entries'
  | 'get-presences'
  | 'signed-in-agent'
  | 'invalid-entries'
  | 'search-entries'
  | 'sign-in'
  | 'presence-mapping';

export interface ContactpadErrorDetail {
  readonly operation: ContactpadErrorOperation;
  /**
   * What failed, in the book's own words: a fixed English sentence per operation (naming the failed source, and
   * ending with the HTTP status when the error carries one, e.g. "Microsoft Teams could not be listed. (HTTP 503)").
   * Never text from a server, a parser or a URL, so it is safe to log and to show. The agent sees the book's
   * translated strings, not this.
   */
  readonly message: string;
  /** The raw error as the adapter (or the browser) gave it, for developers: it may hold server text. */
  readonly error: unknown;
  /** The failed source's id, for a composite directory's source failure. */
  readonly source?: string;
}

export interface ContactpadSignInDetail {
  /** The source that needs it (a composite directory's source id), when known. */
  readonly source?: string;
  readonly message: string;
}

/** What is known of a failure besides the error: the failed source, and for malformed entries how many. */
export interface FailureContext {
  /** The source's id (as given to the composite directory). */
  readonly source?: string;
  /** The source's label, which names it in the message. */
  readonly label?: string;
  /** Entries dropped, for `invalid-entries`. */
  readonly count?: number;
  /** Numbers dropped beyond an entry's cap, for `invalid-entries` (docs/rules.md#numbers-cleaned-and-capped). */
  readonly droppedNumbers?: number;
}

/** The message of each operation's failure: ours only (docs/rules.md#error-messages-are-ours). */
const MESSAGES: Readonly<Record<ContactpadErrorOperation, (context: FailureContext) => string>> = {
  'list-entries': ({ label }) => `${label ?? 'The directory'} could not be listed.`,
  'get-presences': () => 'Presence could not be read.',
  'search-entries': () => 'The directory could not be searched on the server.',
  'signed-in-agent': () => 'The signed-in agent’s Microsoft Teams link could not be checked.',
  'invalid-entries': ({ count, droppedNumbers }) =>
    [
      count === undefined && droppedNumbers === undefined ? 'Directory entries could not be used and were left out.' : '',
      count === undefined ? '' : `${count} directory ${count === 1 ? 'entry' : 'entries'} could not be used and were left out.`,
      droppedNumbers === undefined
        ? ''
        : `${droppedNumbers} ${droppedNumbers === 1 ? 'number' : 'numbers'} beyond the ${MAX_NUMBERS_PER_ENTRY} an entry keeps ${droppedNumbers === 1 ? 'was' : 'were'} left out.`,
    ]
      .filter(Boolean)
      .join(' '),
  'sign-in': () => 'Signing in failed.',
  'presence-mapping': () => 'The presenceMapping property is not a mapping made by createPresenceMapping; the defaults are used.',
};

/** An HTTP status the error carries (a Graph SDK error's `statusCode`, a fetch-style `status`), or its cause does. */
function httpStatusOf(error: unknown, depth = 0): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, status, cause } = error as { statusCode?: unknown; status?: unknown; cause?: unknown };
  for (const value of [statusCode, status]) if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599) return value;
  return depth < 2 ? httpStatusOf(cause, depth + 1) : undefined;
}

export function errorDetail(operation: ContactpadErrorOperation, error: unknown, context: FailureContext = {}): ContactpadErrorDetail {
  const status = httpStatusOf(error);
  const message = `${MESSAGES[operation](context)}${status === undefined ? '' : ` (HTTP ${status})`}`;
  const { source } = context;
  return source === undefined ? { operation, message, error } : { operation, message, error, source };
}

/** Reports a problem once: a sign-in the agent must do is not an error, and says so through its own event. */
export function reportFailure(host: ContactpadElement, operation: ContactpadErrorOperation, error: unknown, context: FailureContext = {}): void {
  const { source } = context;
  if (isSignInRequired(error)) host.emit('contactpad-sign-in-required', source === undefined ? { message: error.message } : { source, message: error.message });
  else host.emit('contactpad-error', errorDetail(operation, error, context));
}
