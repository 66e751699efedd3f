/**
 * The template of one option of the book's listbox: presence (Teams users, agents), name, detail, number, kind.
 * Everything from the directory is rendered as text, each text isolated (`<bdi>`); an entry's accessible name and
 * description are given as text (row-speech.ts).
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
import { spokenPresenceDetail, spokenRowName } from './row-speech.js';
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

/**
 * A row's second line: what tells two people of the same name apart, and who an agent is linked to. `fields` are the
 * directory's texts (job title, department, mail…), each shown isolated; `label` is the linked-to text, with the
 * linked user's name (`name`) isolated inside it.
 */
type SecondLine = { readonly fields: readonly string[] } | { readonly label: string; readonly name: string | undefined };

function secondLine(entry: DirectoryEntry, context: Pick<OptionContext, 'strings' | 'nameOf'>): SecondLine {
  switch (entry.kind) {
    case 'teams-user': {
      const fields = [entry.jobTitle, entry.department].filter((field): field is string => Boolean(field));
      return { fields: fields.length > 0 ? fields : [entry.mail ?? ''] };
    }
    case 'vcc-agent': {
      if (!entry.linkedTeamsUserId) return { fields: [entry.mail ?? ''] };
      const name = context.nameOf(entry.linkedTeamsUserId);
      return { label: context.strings.linkedTo(name), name };
    }
    case 'vcc-group':
    case 'interaction-plan':
      return { fields: [entry.description ?? ''] };
    case 'external-contact':
      return { fields: [entry.organization ?? ''] };
    default:
      return { fields: [] };
  }
}

const FIELD_SEPARATOR = ' · ';

/** The second line as one text: what is shown, and what the row's accessible name says. */
function secondLineText(line: SecondLine): string {
  return 'label' in line ? line.label : line.fields.filter(Boolean).join(FIELD_SEPARATOR);
}

/**
 * The second line, each of the directory's texts in its own `<bdi>`: a right-to-left job title cannot carry the
 * department (or digits that start it) to its other side (docs/rules.md#names-isolated).
 */
function secondLineContent(line: SecondLine, words: readonly string[]): TemplateResult | string {
  if ('label' in line) return withIsolated(line.label, line.name, (name) => highlight(name, matchRanges(name, words)));
  return html`${line.fields
    .filter(Boolean)
    .map((field, i) => html`${i > 0 ? FIELD_SEPARATOR : nothing}<bdi>${highlight(field, matchRanges(field, words))}</bdi>`)}`;
}

/** A label with a text of the directory inside it in its own `<bdi>`; as is when the label does not contain it. */
function withIsolated(label: string, inner: string | undefined, render: (inner: string) => TemplateResult | string): TemplateResult | string {
  const at = inner ? label.indexOf(inner) : -1;
  if (!inner || at < 0) return label;
  return html`${label.slice(0, at)}<bdi>${render(inner)}</bdi>${label.slice(at + inner.length)}`;
}

function numberHighlight(number: PhoneNumber, query: string, words: readonly string[]): TemplateResult | string {
  const candidates = isDialable(query) ? [digitsOf(query)] : words.map(numberWordDigits).filter(Boolean);
  for (const digits of candidates) {
    const range = findDigits(number, digits);
    if (range) return highlight(number.value, [digitRangeToTextRange(number.value, range.start, range.end)]);
  }
  return number.value;
}

/** What an entry's option says to assistive technology (row-speech.ts). */
interface Spoken {
  /** Its accessible name: the one text of the option not hidden from assistive technology. */
  readonly name: string;
  /** Its accessible description (the presence detail), or '' for none. */
  readonly description: string;
}

function option(state: OptionState, content: TemplateResult, extraClass: string, spoken?: Spoken): TemplateResult {
  const descriptionId = `${state.id}-description`;
  return html`<div
    part=${extraClass === 'typed-number' ? 'option typed-number' : 'option'}
    role="option"
    id=${state.id}
    class=${classMap({ option: true, active: state.active, [extraClass]: true })}
    aria-describedby=${spoken?.description ? descriptionId : nothing}
    aria-setsize=${state.count}
    aria-posinset=${state.index + 1}
    data-index=${state.index}
  >
    ${spoken ? html`<span class="visually-hidden">${spoken.name}</span>` : nothing}${content}${spoken?.description
      ? html`<span id=${descriptionId} hidden>${spoken.description}</span>`
      : nothing}
  </div>`;
}

/**
 * One entry's row. What it shows is hidden from assistive technology, which hears one text instead (row-speech.ts:
 * the name first, then the presence, in the translation's words); the directory's texts are each isolated in a
 * `<bdi>` (docs/rules.md#names-isolated).
 */
export function entryRow(hit: SearchHit, state: OptionState, context: OptionContext): TemplateResult {
  const { entry } = hit;
  const { strings, words, query, presenceStrings } = context;
  const name = entry.displayName || strings.unnamed;
  const line = secondLine(entry, context);
  const lineText = secondLineText(line);
  const number = numberFoundBy(entry, query) ?? entry.numbers[0];
  const more = Math.max(0, entry.numbers.length - 1);
  const kind = entry.kind === 'teams-user' ? '' : strings.kinds[entry.kind];
  const presence = context.presenceOf(entry);
  const spoken: Spoken = {
    name: spokenRowName({ name, presence, secondLine: lineText, number: number?.value ?? '', moreNumbers: more, kind }, strings, presenceStrings),
    description: presence ? spokenPresenceDetail(presence, strings, presenceStrings) : '',
  };
  return option(
    state,
    html`<span class="leading" aria-hidden="true">
        ${presence
          ? html`<contactpad-presence-icon part="presence-icon" decorative .presence=${presence} .strings=${presenceStrings}></contactpad-presence-icon>`
          : nothing}
      </span>
      <span class="text" aria-hidden="true">
        <span part="option-name" class="name"><bdi>${highlight(name, matchRanges(name, words))}</bdi></span>
        ${lineText ? html`<span part="option-detail" class="detail">${secondLineContent(line, words)}</span>` : nothing}
      </span>
      <span class="trailing" aria-hidden="true">
        ${number ? html`<bdi part="option-number" class="number" dir="ltr">${numberHighlight(number, query, words)}</bdi>` : nothing}
        ${more > 0 ? html`<span part="option-more" class="more" dir="ltr">+${strings.formatNumber(more)}</span>` : nothing}
        ${kind ? html`<span part="kind-badge" class="badge">${kind}</span>` : nothing}
      </span>`,
    `kind-${entry.kind}`,
    spoken,
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
