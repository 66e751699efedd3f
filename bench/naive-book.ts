/**
 * The benchmark's deliberately naive baseline: on every keystroke it folds and filters the WHOLE entry array (no
 * index: lower-casing and NFD-folding every name, mail and department again each time) and renders EVERY matching
 * row (no windowing), with rows of the same weight as the book's (name, detail, number). Like the book, it stays
 * rendered while closed and is hidden by CSS, and it loads the directory once, on first open.
 * It sorts the directory once when it loads (collation order); that is not an index.
 */
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DirectoryAdapter, DirectoryEntry } from '../src/index.js';

const fold = (text: string): string => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

function detailOf(entry: DirectoryEntry): string {
  switch (entry.kind) {
    case 'teams-user':
      return [entry.jobTitle, entry.department].filter(Boolean).join(' · ') || (entry.mail ?? '');
    case 'vcc-agent':
      return entry.mail ?? '';
    case 'vcc-group':
    case 'interaction-plan':
      return entry.description ?? '';
    case 'external-contact':
      return entry.organization ?? '';
    default:
      return '';
  }
}

function matches(entry: DirectoryEntry, words: readonly string[]): boolean {
  const name = fold(entry.displayName);
  const mail = fold('mail' in entry ? (entry.mail ?? '') : '');
  const department = fold(entry.kind === 'teams-user' ? (entry.department ?? '') : '');
  return words.every((word) => {
    if (name.includes(word) || mail.includes(word) || department.includes(word)) return true;
    const digits = word.replace(/\D/g, '');
    return digits.length > 0 && entry.numbers.some((number) => number.digits.includes(digits));
  });
}

export class NaiveBook extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: inherit;
    }
    :host(:not([open])) {
      display: none;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.75rem;
      border: 1px solid #c7c7cf;
      border-radius: 8px;
    }
    .listbox {
      max-block-size: 28rem;
      overflow-y: auto;
    }
    .option {
      display: grid;
      grid-template-columns: 1.25rem minmax(0, 1fr) auto;
      align-items: center;
      gap: 0.625rem;
      min-block-size: 3.25rem;
      padding: 0.25rem 0.5rem;
      box-sizing: border-box;
    }
    .text {
      display: grid;
      min-inline-size: 0;
    }
    .name,
    .detail {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .detail {
      color: #5c5c66;
      font-size: 0.875em;
    }
  `;

  @property({ attribute: false }) adapter: DirectoryAdapter | undefined;
  @property({ type: Boolean, reflect: true }) open = false;
  @property() query = '';
  @state() private entries: readonly DirectoryEntry[] | undefined;
  private loading: Promise<void> | undefined;

  /** Settles when the first load has. */
  get loadComplete(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  async show(): Promise<void> {
    this.open = true;
    this.loading ??= this.load();
    await this.updateComplete;
  }

  async hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
  }

  private async load(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter) return;
    const { entries } = await adapter.listEntries({ signal: new AbortController().signal });
    // What the book offers in outbound mode: no groups or interaction plans.
    const offered = entries.filter((entry) => entry.kind !== 'vcc-group' && entry.kind !== 'interaction-plan');
    this.entries = offered.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  private onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  override render(): TemplateResult {
    const words = fold(this.query).split(/\s+/).filter(Boolean);
    const rows = (this.entries ?? []).filter((entry) => matches(entry, words));
    return html`<div class="base">
      <input part="search-input" type="search" aria-label="Search" .value=${this.query} @input=${this.onInput} />
      <div class="listbox" role="listbox" aria-label="Results">
        ${rows.map(
          (entry, index) => html`<div role="option" aria-selected="false" class="option" aria-setsize=${rows.length} aria-posinset=${index + 1}>
            <span class="leading"></span>
            <span class="text"><span class="name">${entry.displayName}</span><span class="detail">${detailOf(entry)}</span></span>
            <span class="trailing"><bdi class="number" dir="ltr">${entry.numbers[0]?.value ?? ''}</bdi></span>
          </div>`,
        )}
      </div>
    </div>`;
  }
}

if (!customElements.get('bench-naive-book')) customElements.define('bench-naive-book', NaiveBook);

declare global {
  interface HTMLElementTagNameMap {
    'bench-naive-book': NaiveBook;
  }
}
