import { html, type PropertyValues } from 'lit';
import { ContactpadElement } from '../internal/contactpad-element.js';
import { property, query, queryAll } from 'lit/decorators.js';
import type { PhoneNumber } from '../directory/phone-number.js';
import { FloatingController } from '../internal/floating-controller.js';
import { nextActiveIndex } from '../internal/listbox-navigation.js';
import { styles } from './number-menu.styles.js';

export interface NumberMenuSelectDetail {
  readonly number: PhoneNumber;
}

export interface NumberMenuCloseDetail {
  /** How it was dismissed: focus moving elsewhere must not be pulled back. */
  readonly reason: 'escape' | 'tab' | 'focusout';
}

/**
 * @tagname contactpad-number-menu
 * @summary A menu of an entry's numbers, anchored to its row with floating-ui; used by the address book when an
 * entry has several numbers.
 *
 * @remarks
 * floating-ui is loaded on first use (see `loadFloating`): an opening that comes before it has loaded is placed once
 * it has, and one closed, re-anchored or removed in the meantime is not placed at all.
 *
 * @event contactpad-number-select - The agent chose a number. `detail: { number }`.
 * @event contactpad-number-menu-close - The agent dismissed the menu. `detail: { reason: 'escape' | 'tab' | 'focusout' }`.
 *
 * @csspart menu - The menu surface.
 * @csspart item - Each number.
 * @csspart item-type - The kind of number (Work, Mobile...).
 * @csspart item-number - The number itself.
 */
export class ContactpadNumberMenu extends ContactpadElement {
  static override styles = styles;

  /** Whether the menu is shown. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** The numbers to choose from. */
  @property({ attribute: false }) numbers: readonly PhoneNumber[] = [];
  /** The element the menu is anchored to. */
  @property({ attribute: false }) anchor: Element | null = null;
  /** The menu's accessible name. */
  @property() label = '';
  /** Names of the number types, shown before each number. */
  @property({ attribute: false }) typeNames: Readonly<Record<string, string>> = {};

  @query('[part="menu"]') private menu!: HTMLElement;
  @queryAll('[part="item"]') private items!: NodeListOf<HTMLElement>;
  /** Shown at once, not hidden until placed: its first item takes focus as it opens. */
  private readonly floating = new FloatingController(this, { placement: 'bottom-end', offset: 4, padding: 8 });

  override render() {
    return html`<ul part="menu" role="menu" aria-label=${this.label} @keydown=${this.onKeyDown} @focusout=${this.onFocusOut}>
      ${this.numbers.map(
        (number, index) =>
          html`<li part="item" role="menuitem" tabindex="-1" data-index=${index} @click=${() => this.choose(number)}>
            <span part="item-type">${this.typeNames[number.type] ?? number.type}</span>
            <bdi part="item-number" dir="ltr">${number.value}</bdi>
          </li>`,
      )}
    </ul>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open') && !changed.has('anchor')) return;
    this.floating.stop();
    if (this.open && this.anchor) {
      this.floating.start(this.anchor, this);
      this.items[0]?.focus();
    }
  }

  private choose(number: PhoneNumber): void {
    this.emit('contactpad-number-select', { number });
  }

  private dismiss(reason: NumberMenuCloseDetail['reason']): void {
    this.emit('contactpad-number-menu-close', { reason });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const items = [...this.items];
    const active = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      this.dismiss(event.key === 'Escape' ? 'escape' : 'tab');
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const number = this.numbers[active];
      if (number) this.choose(number);
      return;
    }
    const next = nextActiveIndex(event.key, active, items.length, items.length);
    if (next !== undefined) {
      event.preventDefault();
      items[next]?.focus();
    }
  }

  private onFocusOut(event: FocusEvent): void {
    if (!this.menu.contains(event.relatedTarget as Node | null) && this.open) this.dismiss('focusout');
  }
}
