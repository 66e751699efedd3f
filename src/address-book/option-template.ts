/**
 * The template of one option of the book's listbox: presence (Teams users, agents), name, detail, number, kind.
 * Everything from the directory is rendered as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { classMap } from 'lit/directives/class-map.js';
import type { DirectoryEntry } from '../directory/entry.js';
import { digitRangeToTextRange, digitsOf, findDigits, isDialable, type PhoneNumber } from '../directory/phone-number.js';
import { numberFoundBy, numberWordDigits, type SearchHit } from '../directory/search-index.js';
import { matchRanges } from '../directory/text.js';
import type { Presence } from '../presence/presence.js';
import type { PresenceStrings } from '../presence-icon/presence-strings.js';
import { styleProperties } from '../internal/style-properties.js';
import { highlight } from './highlight.js';
import type { BookText } from './strings.js';
import { rowKey, type ResultRow } from './result-rows.js';

export interface OptionContext {
  readonly query: string;
  readonly words: readonly string[];
  /** The book's strings, counts and numbers in its language. */
  readonly strings: BookText;
  readonly presenceStrings: PresenceStrings;
  readonly presenceOf: (entry: DirectoryEntry) => Presence | undefined;
  /** The display name of a directory entry by id (a linked agent's Teams user), when listed. */
  readonly nameOf: (id: string) => string | undefined;
}

export interface OptionState {
  readonly id: string;
  readonly index: number;
  readonly count: number;
  readonly active: boolean;
}

/** The second line of a row: what tells two people of the same name apart, and who an agent is linked to. */
export function entryDetail(entry: DirectoryEntry, context: Pick<OptionContext, 'strings' | 'nameOf'>): string {
  switch (entry.kind) {
    case 'teams-user':
      return [entry.jobTitle, entry.department].filter(Boolean).join(' · ') || entry.mail || '';
    case 'vcc-agent':
      if (entry.linkedTeamsUserId) return context.strings.linkedTo(context.nameOf(entry.linkedTeamsUserId));
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

function numberHighlight(number: PhoneNumber, query: string, words: readonly string[]): TemplateResult | string {
  const candidates = isDialable(query) ? [digitsOf(query)] : words.map(numberWordDigits).filter(Boolean);
  for (const digits of candidates) {
    const range = findDigits(number, digits);
    if (range) return highlight(number.value, [digitRangeToTextRange(number.value, range.start, range.end)]);
  }
  return number.value;
}

function option(state: OptionState, content: TemplateResult, extraClass: string): TemplateResult {
  return html`<div
    part=${extraClass === 'typed-number' ? 'option typed-number' : 'option'}
    role="option"
    id=${state.id}
    class=${classMap({ option: true, active: state.active, [extraClass]: true })}
    aria-setsize=${state.count}
    aria-posinset=${state.index + 1}
    data-index=${state.index}
  >
    ${content}
  </div>`;
}

export function entryRow(hit: SearchHit, state: OptionState, context: OptionContext): TemplateResult {
  const { entry } = hit;
  const { strings, words, query } = context;
  const name = entry.displayName || strings.unnamed;
  const detail = entryDetail(entry, context);
  const number = numberFoundBy(entry, query) ?? entry.numbers[0];
  const more = entry.numbers.length - 1;
  const presence = context.presenceOf(entry);
  return option(
    state,
    html`<span class="leading">
        ${presence
          ? html`<contactpad-presence-icon part="presence-icon" .presence=${presence} .strings=${context.presenceStrings}></contactpad-presence-icon>`
          : nothing}
      </span>
      <span class="text">
        <span part="option-name" class="name">${highlight(name, matchRanges(name, words))}</span>
        ${detail ? html`<span part="option-detail" class="detail">${highlight(detail, matchRanges(detail, words))}</span>` : nothing}
      </span>
      <span class="trailing">
        ${number ? html`<bdi part="option-number" class="number" dir="ltr">${numberHighlight(number, query, words)}</bdi>` : nothing}
        ${more > 0
          ? html`<span part="option-more" class="more" aria-hidden="true" dir="ltr">+${strings.formatNumber(more)}</span><span class="visually-hidden">${strings.moreNumbers(more)}</span>`
          : nothing}
        ${entry.kind === 'teams-user' ? nothing : html`<span part="kind-badge" class="badge">${strings.kinds[entry.kind]}</span>`}
      </span>`,
    `kind-${entry.kind}`,
  );
}

/**
 * A label ("Call +44 20 7946 0000", in any language) with its number isolated left to right: in right-to-left text an
 * unisolated number's groups would be reordered ("0000 7946 20 44+"). As is when the label does not contain the number.
 */
function withLtrNumber(label: string, number: string): TemplateResult | string {
  const at = number === '' ? -1 : label.indexOf(number);
  if (at < 0) return label;
  return html`${label.slice(0, at)}<bdi class="number" dir="ltr">${number}</bdi>${label.slice(at + number.length)}`;
}

export function typedNumberRow(number: PhoneNumber, state: OptionState, label: string): TemplateResult {
  return option(
    state,
    html`<span class="leading" aria-hidden="true"><svg viewBox="0 0 16 16" class="dial-icon"><path d="M4.4 1.5 6 4.6 4.8 6a8.6 8.6 0 0 0 5.2 5.2L11.4 10l3.1 1.6-.6 2.6c-.1.5-.6.8-1.1.8A12.7 12.7 0 0 1 1 2.8c0-.5.3-1 .8-1.1z" /></svg></span>
      <span class="text"><span part="option-name" class="name">${withLtrNumber(label, number.value)}</span></span>`,
    'typed-number',
  );
}

export interface WindowState {
  readonly rows: readonly ResultRow[];
  /** The rendered rows: `start` (inclusive) to `end` (exclusive). */
  readonly start: number;
  readonly end: number;
  readonly rowHeight: number;
  readonly activeIndex: number;
  readonly idFor: (row: ResultRow) => string;
  readonly context: OptionContext;
  /** "Call …" or "Consult …" for the typed-number row. */
  readonly typedLabel: (number: string) => string;
}

/**
 * The listbox's options: a spacer as tall as every row, with only rows `start`…`end` in it, moved into place.
 * Styles are set through the CSSOM only (`styleProperties`, not `styleMap`, whose first render writes a `style`
 * attribute), which a strict style-src policy allows.
 */
export function windowedOptions({ rows, start, end, rowHeight, activeIndex, idFor, context, typedLabel }: WindowState): TemplateResult {
  const count = rows.length;
  const renderRow = (row: ResultRow, offset: number) => {
    const index = start + offset;
    const state = { id: idFor(row), index, count, active: index === activeIndex };
    return row.type === 'entry' ? entryRow(row, state, context) : typedNumberRow(row.number, state, typedLabel(row.number.value));
  };
  return html`<div role="none" class="window" ${styleProperties({ height: `${count * rowHeight}px` })}>
    <div role="none" class="window-rows" ${styleProperties({ transform: `translateY(${start * rowHeight}px)` })}>
      ${repeat(rows.slice(start, end), rowKey, renderRow)}
    </div>
  </div>`;
}
