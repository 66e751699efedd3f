/**
 * The presence tooltip of the active row, shown while the agent moves through the list with the keyboard
 * (docs/rules.md#presence-detail-for-keyboard-and-screen-readers). Focus stays in the search field
 * (`aria-activedescendant`), so no icon ever gets focus or hover from the keyboard: this shows the active row's tooltip
 * instead, and hides it when the agent does anything else (types, points at another row, opens the number menu, closes).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ContactpadPresenceIcon } from '../presence-icon/presence-icon.component.js';

/** What the controller reads of the book. */
export interface ActiveRowSource {
  /** The row the keyboard moved to: any object that stands for it (the row itself), compared by identity. */
  activeRow(): object | undefined;
  /** The active option, when in the DOM (the list windows its rows). */
  activeOption(): Element | null;
  /** Whether the number menu is open over the active row. */
  menuOpen(): boolean;
}

export class ActiveRowTooltip implements ReactiveController {
  /** The row the keyboard last moved to; `undefined` when the agent did something else since. */
  private keyboardRow: object | undefined;
  private shown: ContactpadPresenceIcon | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: ActiveRowSource,
  ) {
    host.addController(this);
  }

  /** The agent moved the active row with the keyboard: its tooltip shows once the row is rendered. */
  keyboardMoved(): void {
    this.keyboardRow = this.source.activeRow();
    this.host.requestUpdate();
  }

  /** The agent did something other than moving with the keys: no tooltip. */
  clear(): void {
    this.keyboardRow = undefined;
    this.hide();
  }

  hostUpdated(): void {
    // The active row changed otherwise (the pointer, new results), or the number menu covers it.
    if (this.keyboardRow === undefined || this.keyboardRow !== this.source.activeRow() || this.source.menuOpen()) {
      this.clear();
      return;
    }
    // Revealing a row scrolled out of the window renders it in a later update: it shows then.
    const icon = this.source.activeOption()?.querySelector('contactpad-presence-icon') ?? undefined;
    if (icon === this.shown) return;
    this.hide();
    this.shown = icon;
    icon?.showTooltip();
  }

  hostDisconnected(): void {
    this.clear();
  }

  private hide(): void {
    this.shown?.hideTooltip();
    this.shown = undefined;
  }
}
