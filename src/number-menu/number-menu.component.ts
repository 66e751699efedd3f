import { html, type PropertyValues } from 'lit';
import { ContactpadElement } from '../internal/contactpad-element.js';
import { property, query, queryAll } from 'lit/decorators.js';
import type { PhoneNumber } from '../directory/phone-number.js';
import { loadFloating, type FloatingUi } from '../internal/floating.js';
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
  private stopAutoUpdate: (() => void) | undefined;
  /** Counts the stops of positioning: work started before the latest stop (a pending import, a computation) is dropped. */
  private positioning = 0;

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
    this.stopPositioning();
    if (this.open && this.anchor) {
      this.startPositioning(this.anchor);
      this.items[0]?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPositioning();
  }

  private startPositioning(anchor: Element): void {
    const run = this.positioning;
    void loadFloating().then((floating) => {
      // Closed, re-anchored or removed while floating-ui was loading.
      if (run !== this.positioning) return;
      this.stopAutoUpdate = floating.autoUpdate(anchor, this, () => void this.position(floating, anchor, run));
      // The chunk could not be fetched: the menu stays usable where it is, and a later opening tries again (after a reload if the browser keeps the failure).
    }, () => undefined);
  }

  private stopPositioning(): void {
    this.positioning++;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
  }

  private async position({ computePosition, offset, flip, shift }: FloatingUi, anchor: Element, run: number): Promise<void> {
    const { x, y } = await computePosition(anchor, this, {
      strategy: 'fixed',
      placement: 'bottom-end',
      middleware: [offset(4), flip(), shift({ padding: 8 })],
    });
    if (run !== this.positioning) return;
    // CSSOM, not a style attribute: works under a strict style-src policy.
    this.style.left = `${x}px`;
    this.style.top = `${y}px`;
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
