/**
 * Every user-visible string of the address book, in one typed table with English defaults. A host replaces any
 * subset through the element's `strings` property.
 */
import type { EntryKind } from '../directory/entry.js';
import type { PhoneNumberType } from '../directory/phone-number.js';

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
  readonly resultCount: (count: number) => string;
  readonly notLinkedHint: string;
  readonly sourceFailed: (source: string) => string;
  readonly directoryFailed: string;
  readonly retry: string;
  readonly signIn: string;
  /** Shown while a large directory is searched on the server. */
  readonly searching: string;
  readonly serverSearchFailed: string;
  /** How many more numbers an entry has (after the one shown). */
  readonly moreNumbers: (count: number) => string;
  readonly rejectedEntries: (count: number) => string;
  readonly presenceFailed: string;
  readonly agentCheckFailed: string;
  readonly chooseNumber: (name: string) => string;
  readonly unnamed: string;
  /** A linked agent's second line; `name` is undefined when the Teams user is not listed. */
  readonly linkedTo: (name: string | undefined) => string;
  readonly close: string;
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
  resultCount: (count) => (count === 1 ? '1 result' : `${count} results`),
  notLinkedHint:
    'Teams users, auto attendants and call queues appear once you link your agent account with your Microsoft Teams user (ask your administrator).',
  sourceFailed: (source) => `${source} could not be loaded.`,
  directoryFailed: 'The address book could not be loaded.',
  retry: 'Retry',
  signIn: 'Sign in',
  searching: 'Searching the directory…',
  serverSearchFailed: 'The directory could not be searched; only entries already loaded are shown.',
  moreNumbers: (count) => (count === 1 ? '1 more number' : `${count} more numbers`),
  rejectedEntries: (count) => (count === 1 ? '1 entry could not be shown.' : `${count} entries could not be shown.`),
  presenceFailed: 'Presence could not be loaded; it shows as Unknown.',
  agentCheckFailed: 'Your Microsoft Teams link could not be checked, so Teams entries are hidden.',
  chooseNumber: (name) => `Choose a number for ${name}`,
  unnamed: 'Unnamed',
  linkedTo: (name) => (name ? `Linked to ${name}` : 'Linked to a Teams user'),
  close: 'Close',
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
