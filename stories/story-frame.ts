/**
 * What every address book story renders around the book: an "Open address book" button (the book closes after a
 * selection or on Escape) and a log of the book's events, as Storybook's actions panel would show them.
 */
import { html, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { BookMode, ContactpadAddressBook, ContactpadErrorDetail, ContactpadSelectDetail, DirectoryAdapter } from '../src/index.js';
import '../src/index.js';
import { DEFAULT_LANGUAGE, LANGUAGE_ARG_TYPE, inLanguage, languageOf, type LanguageArgs } from './story-language.js';

/** Args every address book story has. */
export interface BookArgs extends LanguageArgs {
  readonly mode: BookMode;
  readonly consultToQueue: boolean;
  readonly linked: boolean;
  readonly latency: boolean;
  readonly open: boolean;
  readonly query: string;
}

export const BOOK_ARG_TYPES = {
  mode: { control: 'inline-radio', options: ['outbound', 'consult'], description: 'How the book is embedded: a new call or a consult.' },
  consultToQueue: { control: 'boolean', description: 'The account has consult-to-queue: groups and interaction plans are offered in consult mode.' },
  linked: { control: 'boolean', description: 'The signed-in agent linked their account to a Teams user (else Teams entries are hidden).' },
  latency: { control: 'boolean', description: 'Every directory answer waits 150 ms.' },
  open: { control: 'boolean', description: 'Whether the book is open.' },
  query: { control: 'text', description: 'The initial search text.' },
  language: LANGUAGE_ARG_TYPE,
} as const;

export const DEFAULT_BOOK_ARGS: BookArgs = {
  mode: 'outbound',
  consultToQueue: false,
  linked: true,
  latency: false,
  open: true,
  query: '',
  language: DEFAULT_LANGUAGE,
};

function logLine(log: HTMLOListElement | undefined, text: string): void {
  if (!log) return;
  const item = document.createElement('li');
  // Directory data goes in as text only: a name may hold markup.
  item.textContent = text;
  log.prepend(item);
  while (log.children.length > 8) log.lastElementChild?.remove();
}

export function describeSelection({ entry, number, mode }: ContactpadSelectDetail): string {
  const who = entry ? entry.displayName || entry.id : 'Typed number';
  return `${mode === 'consult' ? 'Consult' : 'Call'}: ${who}${number ? ` ${number.value}` : ` (dialled by id ${entry?.id ?? ''})`}`;
}

/** The book bound to `args` and `adapter`, with its Open button and event log. */
export function bookFrame(args: BookArgs, adapter: DirectoryAdapter | undefined, label = 'Address book story'): TemplateResult {
  const book = createRef<ContactpadAddressBook>();
  const log = createRef<HTMLOListElement>();
  const onSelect = (event: CustomEvent<ContactpadSelectDetail>): void => logLine(log.value, describeSelection(event.detail));
  const onError = (event: CustomEvent<ContactpadErrorDetail>): void =>
    logLine(log.value, `contactpad-error (${event.detail.operation}${event.detail.source ? `, ${event.detail.source}` : ''}): ${event.detail.message}`);
  const onShow = (): void => logLine(log.value, 'contactpad-show');
  const onHide = (): void => logLine(log.value, 'contactpad-hide');
  return html`<div class="story-book" role="group" aria-label=${label}>
    <div class="story-toolbar">
      <button type="button" @click=${() => void book.value?.show()}>Open address book</button>
      <button type="button" @click=${() => book.value?.refresh()}>Reload directory</button>
    </div>
    <contactpad-address-book
      ${ref(book)}
      ${inLanguage(languageOf(args.language))}
      .adapter=${adapter}
      ?open=${args.open}
      mode=${args.mode}
      ?consult-to-queue=${args.consultToQueue}
      .query=${args.query}
      @contactpad-select=${onSelect}
      @contactpad-error=${onError}
      @contactpad-show=${onShow}
      @contactpad-hide=${onHide}
    ></contactpad-address-book>
    <section class="story-events" aria-label="Events">
      <h3 class="story-events-title">Events</h3>
      <ol class="story-log" ${ref(log)} aria-live="polite"></ol>
    </section>
  </div>`;
}
