/**
 * `<demo-outbound-dialog>`: a mock of ContactPad's outbound-call dialog. A number field and Make call; the Address
 * book button (or typing letters / pressing ↓ in the field) opens `<contactpad-address-book mode="outbound">`
 * anchored under the field with floating-ui. Choosing an entry puts its number in the field and dials (simulated).
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ContactpadAddressBook, ContactpadSelectDetail, DirectoryAdapter } from '../src/index.js';
import { isDialable } from '../src/index.js';
import '../src/index.js';
import { STORY_PRESENCE_PERIOD_MS } from '../stories/story-adapters.js';
import { DEFAULT_LANGUAGE, inLanguage, languageOf, type StoryLanguage } from '../stories/story-language.js';
import { embeddingStyles, refreshHint } from './embedding-parts.js';

/** The book keeps at least this much height (search row and a few rows) however little room there is. */
const MIN_BOOK_HEIGHT_PX = 200;

export class DemoOutboundDialog extends LitElement {
  static override styles = [
    embeddingStyles,
    css`
      .dialog {
        max-inline-size: 30rem;
      }
      .field-row {
        display: flex;
        gap: 0.5rem;
      }
      .field-row input {
        flex: 1;
        min-inline-size: 0;
      }
      .actions {
        margin-block-start: 0.75rem;
      }
      contactpad-address-book {
        position: fixed;
        inset-block-start: 0;
        inset-inline-start: 0;
        z-index: 20;
        inline-size: min(30rem, calc(100vw - 1rem));
        box-shadow: 0 8px 28px rgb(0 0 0 / 0.25);
        border-radius: var(--contactpad-radius, 8px);
      }
      /* The host's max-height (set by the size middleware) bounds the surface; the list shrinks and scrolls. */
      contactpad-address-book::part(base) {
        max-block-size: inherit;
      }
    `,
  ];

  /** The directory the book lists. */
  @property({ attribute: false }) adapter: DirectoryAdapter | undefined;
  /** How often the directory's presences change, for the refresh hint (default: the demo directory's). */
  @property({ attribute: false }) presencePeriodMs = STORY_PRESENCE_PERIOD_MS;
  /** The book's language (lang, dir and strings), as the demo's Language control sets it. */
  @property({ attribute: false }) language: StoryLanguage = languageOf(DEFAULT_LANGUAGE);

  @state() private number = '';
  @state() private status = 'Ready (Outbound). Type a number or open the address book.';
  @state() private bookOpen = false;

  @query('contactpad-address-book') private book!: ContactpadAddressBook;
  @query('.field-row') private anchor!: HTMLElement;

  private stopPositioning: (() => void) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFloating();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  override render(): TemplateResult {
    return html`<section class="card dialog" aria-labelledby="dialog-title">
      <h3 id="dialog-title">New outbound call</h3>
      <form @submit=${this.onSubmit}>
        <label for="number">Number to call</label>
        <div class="field-row">
          <input
            id="number"
            name="number"
            type="tel"
            autocomplete="off"
            aria-describedby="number-help"
            .value=${this.number}
            @input=${this.onInput}
            @keydown=${this.onFieldKeyDown}
          />
          <button
            type="button"
            aria-expanded=${this.bookOpen ? 'true' : 'false'}
            aria-controls="book"
            @click=${this.toggleBook}
          >
            Address book
          </button>
        </div>
        <p id="number-help" class="help">Type a number, or type a name (or press ↓) to search the address book.</p>
        <div class="actions">
          <button type="submit" class="primary">Make call</button>
        </div>
      </form>
      <p class="status" role="status">${this.status}</p>
      ${refreshHint(this.presencePeriodMs)}
      <contactpad-address-book
        id="book"
        mode="outbound"
        ${inLanguage(this.language)}
        .adapter=${this.adapter}
        @contactpad-select=${this.onSelect}
        @contactpad-show=${this.onShow}
        @contactpad-hide=${this.onHide}
        @focusout=${this.onBookFocusOut}
      ></contactpad-address-book>
    </section>`;
  }

  private onInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.number = value;
    // Letters mean a name: search the book with what was typed (the book takes the focus and the typing goes on there).
    if (/\p{L}/u.test(value)) void this.openBook(value);
  }

  private onFieldKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      void this.openBook(isDialable(this.number) || /\p{L}/u.test(this.number) ? this.number : '');
    }
  }

  private toggleBook(): void {
    if (this.bookOpen) void this.book.hide();
    else void this.openBook('');
  }

  private async openBook(query: string): Promise<void> {
    this.book.query = query;
    await this.book.show();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const number = this.number.trim();
    this.status = isDialable(number) ? `Dialling ${number}…` : 'Enter a phone number, or choose someone from the address book.';
  }

  private onSelect(event: CustomEvent<ContactpadSelectDetail>): void {
    const { entry, number } = event.detail;
    this.number = number?.value ?? '';
    const name = entry?.displayName || (entry ? entry.id : '');
    this.status = number ? `Dialling ${name ? `${name} ` : ''}${number.value}…` : `Dialling ${name} (contact centre)…`;
  }

  private async onShow(): Promise<void> {
    this.bookOpen = true;
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    // Position once the book is rendered (it is display: none while closed).
    await this.book.updateComplete;
    if (!this.bookOpen) return;
    this.stopFloating();
    const { anchor, book } = this;
    this.stopPositioning = autoUpdate(anchor, book, () => {
      void computePosition(anchor, book, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              book.style.maxHeight = `${Math.max(MIN_BOOK_HEIGHT_PX, Math.floor(availableHeight))}px`;
            },
          }),
          shift({ padding: 8 }),
        ],
      }).then(({ x, y }) => {
        book.style.left = `${x}px`;
        book.style.top = `${y}px`;
      });
    });
  }

  private onHide(): void {
    this.bookOpen = false;
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    this.stopFloating();
  }

  private stopFloating(): void {
    this.stopPositioning?.();
    this.stopPositioning = undefined;
  }

  /** A press outside the book, the field and its button closes the book (as a popup does). */
  private onDocumentPointerDown = (event: PointerEvent): void => {
    const path = event.composedPath();
    if (path.includes(this.book) || path.includes(this.anchor)) return;
    void this.book.hide();
  };

  /** Tabbing out of the book closes it; focus moving inside it (or to a window outside the page) does not. */
  private onBookFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (next instanceof Node && next !== this.book && !this.book.contains(next) && !this.anchor.contains(next)) {
      void this.book.hide();
    }
  }
}

if (!customElements.get('demo-outbound-dialog')) customElements.define('demo-outbound-dialog', DemoOutboundDialog);

declare global {
  interface HTMLElementTagNameMap {
    'demo-outbound-dialog': DemoOutboundDialog;
  }
}
