/**
 * The number menu as a host renders it: `<contactpad-number-menu>` open on one entry's numbers, anchored to that
 * entry's row, its parts exported as the host's `number-menu-surface` and `number-menu-item`.
 */
import { html, type TemplateResult } from 'lit';
import type { DirectoryEntry } from '../directory/entry.js';
import type { NumberMenuCloseDetail, NumberMenuSelectDetail } from './number-menu.component.js';
import './number-menu.js';

export interface NumberMenuState {
  /** The entry whose numbers are offered; the menu is closed without one. */
  readonly entry: DirectoryEntry | undefined;
  readonly anchor: Element | null;
  /** The menu's accessible name ("Choose a number for Anna Berg"). */
  readonly label: string;
  /** Names of the number types, shown before each number. */
  readonly typeNames: Readonly<Record<string, string>>;
  readonly onSelect: (event: CustomEvent<NumberMenuSelectDetail>) => void;
  readonly onClose: (event: CustomEvent<NumberMenuCloseDetail>) => void;
}

export function numberMenu({ entry, anchor, label, typeNames, onSelect, onClose }: NumberMenuState): TemplateResult {
  return html`<contactpad-number-menu
    part="number-menu"
    exportparts="menu: number-menu-surface, item: number-menu-item"
    ?open=${entry !== undefined}
    .numbers=${entry?.numbers ?? []}
    .anchor=${anchor}
    .typeNames=${typeNames}
    label=${label}
    @contactpad-number-select=${onSelect}
    @contactpad-number-menu-close=${onClose}
  ></contactpad-number-menu>`;
}
