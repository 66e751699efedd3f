/**
 * The book's search row (the combobox and the kind filter) as a template. Event handlers come from the element and
 * its selection controller, bound already (arrow functions).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EntryKind } from '../directory/entry.js';
import type { AddressBookStrings } from './strings.js';

export interface SearchRowState {
  readonly text: AddressBookStrings;
  readonly listboxId: string;
  readonly activeId: string | undefined;
  readonly query: string;
  /** Kinds the filter offers; no filter for fewer than two. */
  readonly kinds: readonly EntryKind[];
  readonly kindFilter: EntryKind | 'all';
  readonly onInput: (event: Event) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly onKindChange: (event: Event) => void;
}

/** The WAI-ARIA combobox (the listbox is always shown while the book is open) and the kind filter. */
export function searchRow({ text, listboxId, activeId, query, kinds, kindFilter, onInput, onKeyDown, onKindChange }: SearchRowState): TemplateResult {
  return html`<div part="search" class="search">
    <input
      part="search-input"
      type="search"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      aria-label=${text.label}
      aria-expanded="true"
      aria-controls=${listboxId}
      aria-autocomplete="list"
      aria-activedescendant=${activeId ?? nothing}
      placeholder=${text.searchPlaceholder}
      .value=${query}
      @input=${onInput}
      @keydown=${onKeyDown}
    />
    ${kinds.length > 1
      ? html`<select part="kind-filter" aria-label=${text.kindFilterLabel} @change=${onKindChange}>
          <option value="all" ?selected=${kindFilter === 'all'}>${text.allKinds}</option>
          ${kinds.map((kind) => html`<option value=${kind} ?selected=${kindFilter === kind}>${text.kindsPlural[kind]}</option>`)}
        </select>`
      : nothing}
  </div>`;
}
