/** The book's public events: their details, and how a failure is reported. */
import type { BookMode } from '../directory/dial-policy.js';
import type { DirectoryEntry } from '../directory/entry.js';
import { isSignInRequired } from '../directory/errors.js';
import type { PhoneNumber } from '../directory/phone-number.js';
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
  /** A message for logs (never contains tokens: it comes from the adapter's error). */
  readonly message: string;
  readonly error: unknown;
  /** The failed source's id, for a composite directory's source failure. */
  readonly source?: string;
}

export interface ContactpadSignInDetail {
  /** The source that needs it (a composite directory's source id), when known. */
  readonly source?: string;
  readonly message: string;
}

export function errorDetail(operation: ContactpadErrorOperation, error: unknown, source?: string): ContactpadErrorDetail {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
  return source === undefined ? { operation, message, error } : { operation, message, error, source };
}

/** Reports a problem once: a sign-in the agent must do is not an error, and says so through its own event. */
export function reportFailure(host: ContactpadElement, operation: ContactpadErrorOperation, error: unknown, source?: string): void {
  if (isSignInRequired(error)) host.emit('contactpad-sign-in-required', source === undefined ? { message: error.message } : { source, message: error.message });
  else host.emit('contactpad-error', errorDetail(operation, error, source));
}
