/**
 * `<demo-consult-panel>`: a simulated active call (caller, timer, Hold and Consult) with
 * `<contactpad-address-book mode="consult">` beside it. Choosing a consult target holds the caller and offers
 * Transfer, Conference and Retrieve. Everything is simulated: no call is placed.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ContactpadAddressBook, ContactpadSelectDetail, DirectoryAdapter } from '../src/index.js';
import '../src/index.js';
import { STORY_PRESENCE_PERIOD_MS } from '../stories/story-adapters.js';
import { DEFAULT_LANGUAGE, inLanguage, languageOf, type StoryLanguage } from '../stories/story-language.js';
import { embeddingStyles, refreshHint } from './embedding-parts.js';

type CallPhase = 'talking' | 'consulting' | 'conference' | 'ended';

interface ConsultTarget {
  readonly name: string;
  readonly number: string | null;
}

/** A fictional caller (Ofcom's drama range). */
const CALLER = { name: 'Jordan Ellis', number: '+44 20 7946 0321', queue: 'Support (inbound)' } as const;

function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export class DemoConsultPanel extends LitElement {
  static override styles = [
    embeddingStyles,
    css`
      :host {
        container-type: inline-size;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      @container (min-width: 40rem) {
        .columns {
          grid-template-columns: minmax(14rem, 1fr) minmax(18rem, 1.4fr);
        }
      }
      .caller {
        margin: 0;
        font-size: 1.25rem;
        font-weight: 700;
      }
      .meta {
        margin: 0.25rem 0 0.75rem;
        color: var(--demo-muted, #5c5c66);
      }
      .timer {
        margin: 0 0 0.75rem;
        font-variant-numeric: tabular-nums;
        font-size: 1.5rem;
      }
      .consult {
        margin-block-start: 1rem;
        padding-block-start: 0.75rem;
        border-block-start: 1px solid var(--demo-border, #c7c7cf);
      }
      .placeholder {
        margin: 0;
        padding: 1rem;
        border: 1px dashed var(--demo-border, #c7c7cf);
        border-radius: 8px;
        color: var(--demo-muted, #5c5c66);
      }
    `,
  ];

  /** The directory the book lists. */
  @property({ attribute: false }) adapter: DirectoryAdapter | undefined;
  /** How often the directory's presences change, for the refresh hint (default: the demo directory's). */
  @property({ attribute: false }) presencePeriodMs = STORY_PRESENCE_PERIOD_MS;
  /** Whether the account has consult-to-queue (groups and interaction plans are offered). */
  @property({ type: Boolean, attribute: 'consult-to-queue' }) consultToQueue = false;
  /** The book's language (lang, dir and strings), as the demo's Language control sets it. */
  @property({ attribute: false }) language: StoryLanguage = languageOf(DEFAULT_LANGUAGE);

  @state() private phase: CallPhase = 'talking';
  @state() private held = false;
  @state() private target: ConsultTarget | undefined;
  @state() private now = Date.now();
  @state() private bookOpen = false;
  @state() private status = 'On a call with the caller.';

  @query('contactpad-address-book') private book!: ContactpadAddressBook;
  @query('.consult button') private firstConsultAction!: HTMLButtonElement | null;

  private startedAt = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => {
      if (this.phase !== 'ended') this.now = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.timer = undefined;
  }

  override render(): TemplateResult {
    return html`<div class="columns">
        <section class="card" aria-labelledby="call-title">
          <h3 id="call-title">Active call</h3>
          <p class="caller">${CALLER.name}</p>
          <p class="meta">${CALLER.number} · ${CALLER.queue}</p>
          <p class="timer"><span class="visually-hidden">Call time </span>${formatDuration(this.now - this.startedAt)}</p>
          ${this.renderCallActions()} ${this.renderConsultActions()}
          <p class="status" role="status">${this.status}</p>
        </section>
        <section class="book-column" aria-label="Consult address book">
          ${this.bookOpen ? nothing : html`<p class="placeholder">Press Consult to choose who to consult.</p>`}
          <contactpad-address-book
            id="book"
            mode="consult"
            ${inLanguage(this.language)}
            ?consult-to-queue=${this.consultToQueue}
            .adapter=${this.adapter}
            @contactpad-select=${this.onSelect}
            @contactpad-show=${this.onShow}
            @contactpad-hide=${this.onHide}
          ></contactpad-address-book>
          ${refreshHint(this.presencePeriodMs)}
        </section>
    </div>`;
  }

  private renderCallActions(): TemplateResult {
    if (this.phase === 'ended') {
      return html`<div class="row"><button type="button" class="primary" @click=${this.newCall}>Simulate a new call</button></div>`;
    }
    const talking = this.phase === 'talking';
    return html`<div class="row" role="group" aria-label="Call">
      <button type="button" aria-pressed=${this.held ? 'true' : 'false'} ?disabled=${!talking} @click=${this.toggleHold}>Hold</button>
      <button type="button" aria-expanded=${this.bookOpen ? 'true' : 'false'} aria-controls="book" ?disabled=${!talking} @click=${this.openConsult}>
        Consult
      </button>
      <button type="button" @click=${this.hangUp}>Hang up</button>
    </div>`;
  }

  private renderConsultActions(): TemplateResult | typeof nothing {
    if (!this.target || (this.phase !== 'consulting' && this.phase !== 'conference')) return nothing;
    const { name, number } = this.target;
    if (this.phase === 'conference') {
      return html`<div class="consult"><p>Conference: ${CALLER.name}, you and ${name}.</p></div>`;
    }
    return html`<div class="consult" role="group" aria-label="Consult">
      <p>Consulting ${name}${number ? ` (${number})` : ''}… ${CALLER.name} is on hold.</p>
      <div class="row">
        <button type="button" @click=${this.transfer}>Transfer</button>
        <button type="button" @click=${this.conference}>Conference</button>
        <button type="button" @click=${this.retrieve}>Retrieve</button>
      </div>
    </div>`;
  }

  private toggleHold(): void {
    this.held = !this.held;
    this.status = this.held ? `${CALLER.name} is on hold.` : `Talking to ${CALLER.name} again.`;
  }

  private async openConsult(): Promise<void> {
    await this.book.show();
  }

  private async onSelect(event: CustomEvent<ContactpadSelectDetail>): Promise<void> {
    const { entry, number } = event.detail;
    const name = entry ? entry.displayName || entry.id : (number?.value ?? 'the number');
    this.target = { name, number: number?.value ?? null };
    this.phase = 'consulting';
    this.held = true;
    this.status = `Consulting ${name}…`;
    // Close the book ourselves, then move focus to the consult actions that replaced the Consult button's purpose.
    event.preventDefault();
    await this.book.hide();
    await this.updateComplete;
    this.firstConsultAction?.focus();
  }

  private onShow(): void {
    this.bookOpen = true;
  }

  private onHide(): void {
    this.bookOpen = false;
  }

  private transfer(): void {
    const name = this.target?.name ?? '';
    this.endCall(`Transferred ${CALLER.name} to ${name}. The call has left you.`);
  }

  private async conference(): Promise<void> {
    this.phase = 'conference';
    this.held = false;
    this.status = `Conference with ${CALLER.name} and ${this.target?.name ?? ''}.`;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }

  private async retrieve(): Promise<void> {
    this.status = `Retrieved ${CALLER.name}; ${this.target?.name ?? 'the consulted party'} left the call.`;
    this.phase = 'talking';
    this.held = false;
    this.target = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button[aria-controls="book"]')?.focus();
  }

  private hangUp(): void {
    this.endCall(this.phase === 'conference' ? 'You left the conference.' : 'Call ended.');
  }

  private endCall(message: string): void {
    void this.book.hide();
    this.phase = 'ended';
    this.held = false;
    this.target = undefined;
    this.status = message;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('button.primary')?.focus());
  }

  private newCall(): void {
    this.startedAt = Date.now();
    this.now = this.startedAt;
    this.phase = 'talking';
    this.status = `New call from ${CALLER.name}.`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('button[aria-controls="book"]')?.focus());
  }
}

if (!customElements.get('demo-consult-panel')) customElements.define('demo-consult-panel', DemoConsultPanel);

declare global {
  interface HTMLElementTagNameMap {
    'demo-consult-panel': DemoConsultPanel;
  }
}
