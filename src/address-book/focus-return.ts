/** Remembers what had focus when the book opened and gives focus back to it when the book closes. */
import { containsDeep, deepActiveElement } from '../internal/focus.js';

export class FocusReturn {
  private opener: HTMLElement | null = null;

  constructor(private readonly host: HTMLElement) {}

  /** Called as the book opens: focus outside the book is what opened it. */
  remember(): void {
    const active = deepActiveElement();
    if (active && !containsDeep(this.host, active)) this.opener = active;
  }

  /** Called as the book closes; only when focus is still ours to give (in the book, or lost to the body). */
  restore(): void {
    const active = deepActiveElement();
    if (this.opener?.isConnected && (!active || active === document.body || containsDeep(this.host, active))) this.opener.focus();
  }
}
