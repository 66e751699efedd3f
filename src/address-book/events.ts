/** The book's public events and the small helpers that fire them. */
import type { BookMode } from '../directory/dial-policy.js';
import type { DirectoryEntry } from '../directory/entry.js';
import { isSignInRequired } from '../directory/errors.js';
import type { PhoneNumber } from '../directory/phone-number.js';

export interface ContactpadSelectDetail {
  /** The chosen entry, or `null` when the agent chose the number they typed. */
  readonly entry: DirectoryEntry | null;
  /** The number to dial, or `null` for a contact-centre entity dialled by its id (agent, group, plan). */
  readonly number: PhoneNumber | null;
  readonly mode: BookMode;
}

/** What failed: listing a source, reading presences, checking the Teams link, or entries that were malformed. */
export type ContactpadErrorOperation = 'list-entries' | 'get-presences' | 'signed-in-agent' | 'invalid-entries' | 'search-entries' | 'sign-in';

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

/**
 * Fires a bubbling, composed event from the element; returns false when a cancelable event was cancelled.
 */
export function emit<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  name: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  { cancelable = false } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Whether a node is the host or inside it, through any shadow roots in between. */
export function containsDeep(host: Element, node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === host) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

/** Reports a problem once: a sign-in the agent must do is not an error, and says so through its own event. */
export function reportFailure(host: HTMLElement, operation: ContactpadErrorOperation, error: unknown, source?: string): void {
  if (isSignInRequired(error)) emit(host, 'contactpad-sign-in-required', source === undefined ? { message: error.message } : { source, message: error.message });
  else emit(host, 'contactpad-error', errorDetail(operation, error, source));
}
