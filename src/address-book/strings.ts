/**
 * Every user-visible string of the address book, in one typed table with English defaults. A host replaces any
 * subset through the element's `strings` property.
 *
 * Counts are data: one text per plural category of the book's language (`Intl.PluralRules`), with `{count}` standing
 * for the count formatted for that language (`Intl.NumberFormat`). The language is the element's nearest `lang`.
 */
import type { EntryKind } from '../directory/entry.js';
import type { PhoneNumberType } from '../directory/phone-number.js';
import type { PresenceStrings } from '../presence-icon/presence-strings.js';
import { numberFormat, pluralRules, timeFormat } from '../internal/intl.js';

/**
 * A count's text, one form per plural category (`Intl.PluralRules`) of the book's language. `other` is required; a
 * category without a form uses `other`. `{count}` is replaced by the count formatted for the language.
 *
 * @example { one: '{count} result', other: '{count} results' }
 * @example { zero: 'لا توجد نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{count} نتائج', many: '{count} نتيجة', other: '{count} نتيجة' }
 */
export type PluralText = { readonly other: string } & { readonly [Category in Exclude<Intl.LDMLPluralRule, 'other'>]?: string };

/**
 * A count's text: plural forms as data ({@link PluralText}), or a function given the count and the count already
 * formatted for the book's language (for grammar that forms cannot say).
 */
export type CountText = PluralText | ((count: number, formattedCount: string) => string);

export interface AddressBookStrings {
  /** The accessible name of the book's search field and list. */
  readonly label: string;
  readonly searchPlaceholder: string;
  readonly kindFilterLabel: string;
  readonly allKinds: string;
  /** Singular names of each kind (badges). */
  readonly kinds: Readonly<Record<EntryKind, string>>;
  /** Plural names of each kind (the kind filter). */
  readonly kindsPlural: Readonly<Record<EntryKind, string>>;
  readonly numberTypes: Readonly<Record<PhoneNumberType, string>>;
  /** The row that dials what the agent typed. */
  readonly callNumber: (number: string) => string;
  readonly consultNumber: (number: string) => string;
  readonly loading: string;
  readonly emptyDirectory: string;
  readonly noMatches: (query: string) => string;
  /** The live region's announcement of the number of rows. */
  readonly resultCount: CountText;
  readonly notLinkedHint: string;
  readonly sourceFailed: (source: string) => string;
  /** A source's refresh failed and its entries from the last good load (read at `time`) are still shown. */
  readonly sourceStale: (source: string, time: string) => string;
  readonly directoryFailed: string;
  /** The whole refresh failed and the directory loaded at `time` is still shown. */
  readonly directoryStale: (time: string) => string;
  readonly retry: string;
  readonly signIn: string;
  /**
   * The message beside the Sign in button. `source` is the failed source's label (undefined for the whole directory),
   * `message` the source's own words (the English default shows them as they are).
   */
  readonly signInRequired: (source: string | undefined, message: string) => string;
  /** Shown while a large directory is searched on the server. */
  readonly searching: string;
  readonly serverSearchFailed: string;
  /** How many more numbers an entry has (after the one shown). */
  readonly moreNumbers: CountText;
  /** Entries the adapter returned that could not be used (a notice). */
  readonly rejectedEntries: CountText;
  /** Numbers not shown because their entry had too many (more than `MAX_NUMBERS_PER_ENTRY`; a notice). */
  readonly droppedNumbers: CountText;
  readonly presenceFailed: string;
  readonly agentCheckFailed: string;
  /** The link check failed and the link the last good load found is used (Teams entries stay). */
  readonly agentCheckStale: string;
  readonly chooseNumber: (name: string) => string;
  readonly unnamed: string;
  /** A linked agent's second line; `name` is undefined when the Teams user is not listed. */
  readonly linkedTo: (name: string | undefined) => string;
  /**
   * Joins, in the language's punctuation, the parts of what a row says to assistive technology: its accessible name
   * (the entry's name with its presence in `presenceStrings.presenceOf`'s words, then its second line, number, how
   * many more numbers and its kind) and its description (the presence, the status message, when it was read).
   *
   * @example (parts) => parts.join(', ') // "Anna Berg, Busy, Sales, +44 20 7946 0000"
   */
  readonly spokenParts: (parts: readonly string[]) => string;
  readonly close: string;
  /**
   * A line of loading progress, shown while the directory loads when its adapter reports progress: one per source for
   * a composite adapter (`source` is its label), else one for the whole (`source` undefined). `total` is undefined
   * until the source knows it; `done` when that source has finished. `format` formats a count for the book's language
   * (`Intl.NumberFormat`).
   */
  readonly loadProgress: (progress: LoadProgressText, format: (count: number) => string) => string;
}

/** What {@link AddressBookStrings.loadProgress} words: one source's progress, or the whole directory's. */
export interface LoadProgressText {
  readonly source: string | undefined;
  readonly loaded: number;
  readonly total: number | undefined;
  readonly done: boolean;
}

export const DEFAULT_STRINGS: AddressBookStrings = {
  label: 'Address book',
  searchPlaceholder: 'Search by name, number or email',
  kindFilterLabel: 'Show',
  allKinds: 'All',
  kinds: {
    'teams-user': 'Teams user',
    'auto-attendant': 'Auto attendant',
    'call-queue': 'Call queue',
    'vcc-agent': 'Agent',
    'vcc-group': 'Group',
    'interaction-plan': 'Interaction plan',
    'external-contact': 'Contact',
  },
  kindsPlural: {
    'teams-user': 'Teams users',
    'auto-attendant': 'Auto attendants',
    'call-queue': 'Call queues',
    'vcc-agent': 'Agents',
    'vcc-group': 'Groups',
    'interaction-plan': 'Interaction plans',
    'external-contact': 'Contacts',
  },
  numberTypes: { business: 'Work', mobile: 'Mobile', ddi: 'Direct', extension: 'Extension', other: 'Other' },
  callNumber: (number) => `Call ${number}`,
  consultNumber: (number) => `Consult ${number}`,
  loading: 'Loading the address book…',
  emptyDirectory: 'The address book is empty.',
  noMatches: (query) => `No matches for “${query}”.`,
  resultCount: { one: '{count} result', other: '{count} results' },
  notLinkedHint:
    'Teams users, auto attendants and call queues appear once you link your agent account with your Microsoft Teams user (ask your administrator).',
  sourceFailed: (source) => `${source} could not be loaded.`,
  sourceStale: (source, time) => `${source} could not be refreshed; its entries from ${time} are shown and may be out of date.`,
  directoryFailed: 'The address book could not be loaded.',
  directoryStale: (time) => `The address book could not be refreshed; the entries from ${time} are shown and may be out of date.`,
  retry: 'Retry',
  signIn: 'Sign in',
  signInRequired: (_source, message) => message,
  searching: 'Searching the directory…',
  serverSearchFailed: 'The directory could not be searched; only entries already loaded are shown.',
  moreNumbers: { one: '{count} more number', other: '{count} more numbers' },
  rejectedEntries: { one: '{count} entry could not be shown.', other: '{count} entries could not be shown.' },
  droppedNumbers: { one: '{count} number was not shown: too many numbers on one entry.', other: '{count} numbers were not shown: too many numbers on one entry.' },
  presenceFailed: 'Presence could not be loaded; it shows as Unknown.',
  agentCheckFailed: 'Your Microsoft Teams link could not be checked, so Teams entries are hidden.',
  agentCheckStale: 'Your Microsoft Teams link could not be checked; Teams entries are shown as last loaded.',
  chooseNumber: (name) => `Choose a number for ${name}`,
  unnamed: 'Unnamed',
  linkedTo: (name) => (name ? `Linked to ${name}` : 'Linked to a Teams user'),
  spokenParts: (parts) => parts.join(', '),
  close: 'Close',
  loadProgress: ({ source, loaded, total, done }, format) => {
    const figures = done ? `${format(loaded)} loaded` : total === undefined ? `${format(loaded)} so far` : `${format(loaded)} of ${format(total)} so far`;
    return source === undefined ? figures : `${source}: ${figures}`;
  },
};

/** The defaults with a host's overrides (nested tables merged key by key). */
export function mergeStrings(overrides: Partial<AddressBookStrings> | undefined): AddressBookStrings {
  if (!overrides) return DEFAULT_STRINGS;
  return {
    ...DEFAULT_STRINGS,
    ...overrides,
    kinds: { ...DEFAULT_STRINGS.kinds, ...overrides.kinds },
    kindsPlural: { ...DEFAULT_STRINGS.kindsPlural, ...overrides.kindsPlural },
    numberTypes: { ...DEFAULT_STRINGS.numberTypes, ...overrides.numberTypes },
  };
}

/**
 * A complete translation, shaped like the element's properties so `Object.assign(book, translation)` applies it
 * (`contactpad-address-book/locales/de` and `/locales/ar` export one each).
 */
export interface AddressBookTranslation {
  readonly strings: AddressBookStrings;
  readonly presenceStrings: PresenceStrings;
}

/** The table entries that are counts. */
export type CountKey = 'resultCount' | 'moreNumbers' | 'rejectedEntries' | 'droppedNumbers';

/** The strings a book renders with: its counts bound to its language (plural rules and number format). */
export type BookText = Omit<AddressBookStrings, CountKey> & {
  readonly [K in CountKey]: (count: number) => string;
} & {
  /** A number formatted for the book's language (`Intl.NumberFormat`), e.g. the "+2" of a row with more numbers. */
  readonly formatNumber: (value: number) => string;
  /** A time of day (epoch milliseconds) for the book's language, e.g. when a stale listing or a presence was read. */
  readonly formatTime: (epochMs: number) => string;
};

/**
 * A count in words for a language: the plural form `Intl.PluralRules` picks (else `other`), with `{count}` formatted
 * by `Intl.NumberFormat`. `locale` undefined means the browser's language.
 *
 * @example formatCount({ one: '{count} result', other: '{count} results' }, 1200, 'en') // "1,200 results"
 */
export function formatCount(text: CountText, count: number, locale: string | undefined): string {
  const formatted = formatNumber(count, locale);
  if (typeof text === 'function') return text(count, formatted);
  const category = pluralRules(locale).select(count);
  return (text[category] ?? text.other).replaceAll('{count}', formatted);
}

/** A number formatted for a language (`Intl.NumberFormat`); `locale` undefined means the browser's language. */
export function formatNumber(value: number, locale: string | undefined): string {
  return numberFormat(locale).format(value);
}

const bookTexts = new WeakMap<object, Map<string, BookText>>();

/**
 * The defaults with a host's overrides, counts bound to `locale`. Made once per overrides object and language, so
 * rendering costs no new formatter or closure.
 */
export function bookText(overrides: Partial<AddressBookStrings> | undefined, locale: string | undefined): BookText {
  const owner = overrides ?? DEFAULT_STRINGS;
  let byLocale = bookTexts.get(owner);
  if (!byLocale) {
    byLocale = new Map();
    bookTexts.set(owner, byLocale);
  }
  const key = locale ?? '';
  let text = byLocale.get(key);
  if (!text) {
    const strings = mergeStrings(overrides);
    text = {
      ...strings,
      resultCount: (count) => formatCount(strings.resultCount, count, locale),
      moreNumbers: (count) => formatCount(strings.moreNumbers, count, locale),
      rejectedEntries: (count) => formatCount(strings.rejectedEntries, count, locale),
      droppedNumbers: (count) => formatCount(strings.droppedNumbers, count, locale),
      formatNumber: (value) => formatNumber(value, locale),
      formatTime: (epochMs) => timeFormat(locale).format(epochMs),
    };
    byLocale.set(key, text);
  }
  return text;
}
