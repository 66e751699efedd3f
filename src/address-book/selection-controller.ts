/**
 * The book's keyboard and pointer selection: which row is active (`aria-activedescendant` on the search field, apart
 * from `aria-selected`), the listbox keys on the search field, Escape, choosing a row, and the number menu an entry
 * with several numbers opens, and what a choice does (the cancelable select event). The element renders what this holds.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryEntry } from '../directory/entry.js';
import type { PhoneNumber } from '../directory/phone-number.js';
import { numberFoundBy } from '../directory/search-index.js';
import { OptionIds, sameTarget, type ResultRow } from './result-rows.js';
import { nextActiveIndex } from '../internal/listbox-navigation.js';
import type { NumberMenuCloseDetail, NumberMenuSelectDetail } from '../number-menu/number-menu.component.js';
import type { BookMode } from '../directory/dial-policy.js';
import type { ContactpadElement } from '../internal/contactpad-element.js';
import type { ListboxWindowController } from './listbox-window.js';

const PAGE_SIZE = 10;

/** What the controller needs of the book: its state, and what a choice does (the select event). */
export interface SelectionHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
  /** The search text: a row found by one of its numbers dials that number. */
  readonly query: string;
  readonly mode: BookMode;
  /** Focuses the search field. */
  focus(): void;
  hide(): Promise<void>;
  emit: ContactpadElement['emit'];
}

export class SelectionController implements ReactiveController {
  /** The rows last rendered, to keep the active row when they did not change. */
  private shown: ResultRow[] = [];
  private active = -1;
  /** The query and kind filter of the rows shown: a change is the agent's new search. */
  private search: string | undefined;
  /** The active entry left the list in an update the agent did not cause: nothing is active until the agent moves. */
  private lost = false;
  /** The active row changed since the last update: it is scrolled into view once rendered. */
  private activeMoved = false;
  private menu: DirectoryEntry | undefined;
  private readonly optionIds: OptionIds;

  /**
   * @param idPrefix Prefix of the options' ids (unique per book).
   * @param listboxWindow The rows in the DOM and in view: the active row is revealed through it.
   */
  constructor(
    private readonly host: SelectionHost,
    idPrefix: string,
    private readonly listboxWindow: ListboxWindowController,
  ) {
    this.optionIds = new OptionIds(idPrefix);
    host.addController(this);
  }

  get rows(): ResultRow[] {
    return this.shown;
  }

  get activeIndex(): number {
    return this.active;
  }

  private set activeIndex(index: number) {
    if (index >= 0) this.lost = false;
    if (index === this.active) return;
    this.active = index;
    this.activeMoved = true;
    this.host.requestUpdate();
  }

  /** The entry whose numbers the number menu offers; the menu is closed without one. */
  get menuEntry(): DirectoryEntry | undefined {
    return this.menu;
  }

  private set menuEntry(entry: DirectoryEntry | undefined) {
    if (entry === this.menu) return;
    this.menu = entry;
    this.host.requestUpdate();
  }

  /** Option ids by what a row stands for: stable across keystrokes, so a new active row is announced. */
  idFor = (row: ResultRow): string => this.optionIds.idFor(row);

  /** The id of the active option, for `aria-activedescendant`. */
  get activeId(): string | undefined {
    const row = this.shown[this.active];
    return row ? this.optionIds.idFor(row) : undefined;
  }

  /** The active option when it is in the DOM (the list windows its rows). */
  activeOption(): Element | null {
    const id = this.activeId;
    return id ? this.host.renderRoot.querySelector(`#${id}`) : null;
  }

  /**
   * The rows about to be rendered; returns whether they changed. `search` says what was asked for (the query, the kind
   * filter, the kinds the mode offers): when it changed, these are new results and the first row becomes the active one. Otherwise the
   * update is not the agent's (a load, a refresh, server results merged in) and the active row follows the same entry
   * wherever it moved; when that entry is gone nothing is active until the agent moves, so Enter never chooses a row
   * the agent did not pick (docs/rules.md#the-active-row-follows-its-entry).
   */
  setRows(rows: ResultRow[], search: string): boolean {
    if (rows === this.shown) return false;
    const newSearch = search !== this.search;
    this.search = search;
    const previous = this.shown[this.active];
    const followed = newSearch || !previous ? -1 : rows.findIndex((row) => sameTarget(row, previous));
    if (newSearch || (!previous && !this.lost)) {
      // New results, or a first listing where nothing was active yet: the first row.
      this.lost = false;
      this.activeIndex = rows.length > 0 ? 0 : -1;
    } else {
      // The entry the agent had went away: nothing is active (and stays so until the agent moves).
      this.lost = this.lost || followed < 0;
      this.activeIndex = followed;
    }
    // The number menu belongs to the active row: it stays for the same entry (as now listed), else it closes.
    const followedRow = rows[followed];
    if (this.menuEntry) {
      if (followedRow?.type === 'entry' && !newSearch) this.menuEntry = followedRow.entry;
      else this.dropNumberMenu();
    }
    this.shown = rows;
    return true;
  }

  /** A new open: the list is back at the top, so is the active row (one left below would be chosen by Enter unseen). */
  reset(): void {
    this.lost = false;
    this.activeIndex = this.shown.length > 0 ? 0 : -1;
  }

  /** Closes the number menu, focus left where it is (the book closed, or the agent typed). */
  closeMenu(): void {
    this.menuEntry = undefined;
  }

  hostUpdated(): void {
    if (this.activeMoved) {
      this.activeMoved = false;
      this.listboxWindow.reveal(this.active);
    }
    // The list scrolled the number menu's row out of the DOM: the menu would offer an entry no longer shown.
    if (this.menuEntry && !this.activeOption()) this.dropNumberMenu();
  }

  /** Escape closes the book from anywhere in it (the number menu handles its own Escape first). */
  onBaseKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    void this.host.hide();
  };

  /** The search field's keys: the WAI-ARIA listbox keys move the active row, Enter chooses it. */
  onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      const row = this.shown[this.active];
      if (row) {
        event.preventDefault();
        // Only the row the agent sees as active: rendered, announced by the search field (not a move still to be
        // rendered), and on screen. Else it is shown rather than chosen unseen.
        const option = this.activeOption();
        const announced = option !== null && (event.currentTarget as Element | null)?.getAttribute('aria-activedescendant') === option.id;
        if (announced && this.listboxWindow.onScreen(option)) this.choose(row);
        else this.listboxWindow.reveal(this.active, true);
      }
      return;
    }
    const next = nextActiveIndex(event.key, this.active, this.shown.length, PAGE_SIZE);
    if (next !== undefined) {
      event.preventDefault();
      this.activeIndex = next;
    }
  };

  onListClick = (event: MouseEvent): void => {
    const index = rowIndexOf(event);
    const row = this.shown[index];
    if (!row) return;
    this.activeIndex = index;
    this.choose(row);
  };

  onListPointerMove = (event: PointerEvent): void => {
    const index = rowIndexOf(event);
    if (index >= 0 && index !== this.active && !this.menuEntry) this.activeIndex = index;
  };

  onNumberChosen = (event: CustomEvent<NumberMenuSelectDetail>): void => {
    event.stopPropagation();
    const entry = this.menuEntry;
    this.menuEntry = undefined;
    if (entry) this.select(entry, event.detail.number);
  };

  onMenuClose = (event: CustomEvent<NumberMenuCloseDetail>): void => {
    event.stopPropagation();
    this.menuEntry = undefined;
    // Back to the search field on Escape or Tab; when focus left for elsewhere, leave it there.
    if (event.detail.reason !== 'focusout') this.host.focus();
  };

  private choose(row: ResultRow): void {
    if (row.type === 'typed-number') return this.select(null, row.number);
    const { entry } = row;
    const found = numberFoundBy(entry, this.host.query);
    // The agent searched by a number: that is the number they meant.
    if (found) return this.select(entry, found);
    if (entry.numbers.length > 1) {
      this.menuEntry = entry;
      return;
    }
    this.select(entry, entry.numbers[0] ?? null);
  }

  /** The agent chose an entry's number or the typed number (`entry` is `null`): the book closes unless the host cancels. */
  private select(entry: DirectoryEntry | null, number: PhoneNumber | null): void {
    const chosen = this.host.emit('contactpad-select', { entry, number, mode: this.host.mode }, { cancelable: true });
    if (chosen) void this.host.hide();
    else this.host.focus();
  }

  /** Closes the number menu without a choice; focus in it goes back to the search field. */
  private dropNumberMenu(): void {
    const focusInMenu = this.host.renderRoot.querySelector('contactpad-number-menu')?.matches(':focus-within') ?? false;
    this.menuEntry = undefined;
    if (focusInMenu) this.host.focus();
  }
}

/** The index of the option an event happened in, or -1. */
function rowIndexOf(event: Event): number {
  const option = event.composedPath().find((node) => node instanceof HTMLElement && node.getAttribute('role') === 'option') as HTMLElement | undefined;
  return option ? Number(option.dataset.index) : -1;
}
