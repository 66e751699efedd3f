/**
 * The presence tooltip of the active row, shown while the agent moves through the list with the keyboard
 * (docs/rules.md#presence-detail-for-keyboard-and-screen-readers). Focus stays in the search field
 * (`aria-activedescendant`), so no icon ever gets focus or hover from the keyboard: this shows the active row's tooltip
 * instead, and hides it when the agent does anything else (types, points at another row, opens the number menu, closes).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rowKey } from './result-rows.js';
import type { SelectionController } from './selection-controller.js';
import type { ContactpadPresenceIcon } from '../presence-icon/presence-icon.component.js';

/** What the tooltip reads of the book's selection. */
export type ActiveRowSource = Pick<SelectionController, 'rows' | 'activeIndex' | 'activeOption' | 'menuEntry' | 'onKeyDown'>;

export class ActiveRowTooltip implements ReactiveController {
  /**
   * What the row the keyboard last moved to stands for (`rowKey`); `undefined` when the agent did something else
   * since. A key, not the row: a refresh makes new rows, and the active row follows its entry through it.
   */
  private keyboardRow: string | undefined;
  private shown: ContactpadPresenceIcon | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly selection: ActiveRowSource,
  ) {
    host.addController(this);
  }

  /** The search field's keys: the selection's; when they move the active row, its tooltip shows once rendered. */
  onKeyDown = (event: KeyboardEvent): void => {
    const before = this.selection.activeIndex;
    this.selection.onKeyDown(event);
    if (this.selection.activeIndex === before) return;
    this.keyboardRow = this.activeKey();
    this.host.requestUpdate();
  };

  /** The agent did something other than moving with the keys: no tooltip. */
  clear(): void {
    this.keyboardRow = undefined;
    this.hide();
  }

  hostUpdated(): void {
    // The active row changed otherwise (the pointer, new results, its entry gone), or the number menu covers it.
    if (!this.keyboardRow || this.keyboardRow !== this.activeKey() || this.selection.menuEntry) {
      this.clear();
      return;
    }
    // Revealing a row scrolled out of the window renders it in a later update: it shows then.
    const icon = this.selection.activeOption()?.querySelector('contactpad-presence-icon') ?? undefined;
    if (icon === this.shown) return;
    this.hide();
    this.shown = icon;
    icon?.showTooltip();
  }

  hostDisconnected(): void {
    this.clear();
  }

  private activeKey(): string {
    return rowKey(this.selection.rows[this.selection.activeIndex]);
  }

  private hide(): void {
    this.shown?.hideTooltip();
    this.shown = undefined;
  }
}
