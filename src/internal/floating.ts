/**
 * floating-ui, loaded on demand. It positions only two small popups (the number menu and the presence tooltip) but
 * would be about a fifth of the core bundle (min+gzip), so it stays out of the initial bundle: the dynamic import makes
 * bundlers split it into a lazy chunk, which the popups load on first use (or earlier, see {@link preloadFloating}).
 */
import type * as FloatingUiModule from './floating-ui.js';

/** The parts of `@floating-ui/dom` that {@link loadFloating} resolves to. */
export type FloatingUi = typeof FloatingUiModule;

let loading: Promise<FloatingUi> | undefined;

/**
 * Resolves to floating-ui (the functions the popups use), importing it on the first call and sharing that import
 * afterwards. A failed import (the chunk could not be fetched) rejects the callers waiting on it; the next call imports
 * again (a browser may keep the failure for that URL until the page reloads).
 */
export function loadFloating(): Promise<FloatingUi> {
  loading ??= import('./floating-ui.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Starts loading floating-ui without waiting for it, e.g. when the address book is shown, so the first popup does not
 * wait for the chunk. Errors are ignored here: the popup that calls {@link loadFloating} sees them.
 */
export function preloadFloating(): void {
  loadFloating().catch(() => undefined);
}
