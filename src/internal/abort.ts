/**
 * Generic helpers for `AbortSignal`s, shared by the adapters, the book's controllers and `abortableDelay`. They
 * know nothing of directories, so they live here rather than with the adapter contract's errors.
 */

/** The reason of an aborted signal, or a standard AbortError. */
export function abortReason(signal: AbortSignal): Error {
  return (signal.reason as Error | undefined) ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Whether an error is an abort, matched by `name` (a `DOMException`, or an Error from another realm or library). */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
