/**
 * Where focus goes when the book closes (docs/rules.md#focus-after-close): back to what opened it; when nothing did
 * (the book was open at page load, or opened while focus was on the page's body) or that is gone, somewhere near the
 * book, never the page's body. A host that wants focus elsewhere moves it in its `contactpad-hide` listener: focus the
 * host has put outside the book is left there.
 */
import { containsDeep, deepActiveElement, focusNear, tryFocus } from '../internal/focus.js';

export class FocusReturn {
  private opener: HTMLElement | null = null;

  constructor(private readonly host: HTMLElement) {}

  /** Called as the book opens: focus outside the book is what opened it; focus on the body names nothing. */
  remember(): void {
    const active = deepActiveElement();
    this.opener = active && active !== document.body && !containsDeep(this.host, active) ? active : null;
  }

  /** Called as the book closes; only when focus is still ours to give (in the book, or lost to the body). */
  restore(): void {
    const active = deepActiveElement();
    if (active && active !== document.body && !containsDeep(this.host, active)) return;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected && tryFocus(opener)) return;
    focusNear(this.host);
  }
}
