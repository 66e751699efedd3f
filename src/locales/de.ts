/**
 * contactpad-address-book/locales/de: German strings for `<contactpad-address-book>` and `<contactpad-presence-icon>`.
 * A separate entry point: a host that does not use it never loads it. Choosing it is the host's decision (the book
 * does not pick a translation by `lang`); its `lang` picks plural rules, number format and collation.
 *
 * @example
 * import { de } from 'contactpad-address-book/locales/de';
 * book.lang = 'de';
 * Object.assign(book, de); // book.strings and book.presenceStrings
 */
import type { AddressBookStrings, AddressBookTranslation } from '../address-book/strings.js';
import type { PresenceStrings } from '../presence-icon/presence-strings.js';

/** Every string of the address book, in German. */
export const deStrings: AddressBookStrings = {
  label: 'Adressbuch',
  searchPlaceholder: 'Nach Name, Nummer oder E-Mail suchen',
  kindFilterLabel: 'Anzeigen',
  allKinds: 'Alle',
  kinds: {
    'teams-user': 'Teams-Benutzer',
    'auto-attendant': 'Automatische Telefonzentrale',
    'call-queue': 'Anrufwarteschlange',
    'vcc-agent': 'Agent',
    'vcc-group': 'Gruppe',
    'interaction-plan': 'Interaktionsplan',
    'external-contact': 'Kontakt',
  },
  kindsPlural: {
    'teams-user': 'Teams-Benutzer',
    'auto-attendant': 'Automatische Telefonzentralen',
    'call-queue': 'Anrufwarteschlangen',
    'vcc-agent': 'Agenten',
    'vcc-group': 'Gruppen',
    'interaction-plan': 'Interaktionspläne',
    'external-contact': 'Kontakte',
  },
  numberTypes: { business: 'Geschäftlich', mobile: 'Mobil', ddi: 'Durchwahl', extension: 'Nebenstelle', other: 'Sonstige' },
  callNumber: (number) => `${number} anrufen`,
  consultNumber: (number) => `Rückfrage bei ${number}`,
  loading: 'Das Adressbuch wird geladen…',
  emptyDirectory: 'Das Adressbuch ist leer.',
  noMatches: (query) => `Keine Treffer für „${query}“.`,
  resultCount: { one: '{count} Ergebnis', other: '{count} Ergebnisse' },
  notLinkedHint:
    'Teams-Benutzer, automatische Telefonzentralen und Anrufwarteschlangen erscheinen, sobald Ihr Agentenkonto mit Ihrem Microsoft Teams-Benutzer verknüpft ist (wenden Sie sich an Ihre Administration).',
  sourceFailed: (source) => `${source} konnte nicht geladen werden.`,
  sourceStale: (source, time) => `${source} konnte nicht aktualisiert werden; die Einträge von ${time} werden angezeigt und sind eventuell veraltet.`,
  directoryFailed: 'Das Adressbuch konnte nicht geladen werden.',
  directoryStale: (time) => `Das Adressbuch konnte nicht aktualisiert werden; die Einträge von ${time} werden angezeigt und sind eventuell veraltet.`,
  retry: 'Erneut versuchen',
  signIn: 'Anmelden',
  signInRequired: (source) =>
    source === undefined ? 'Melden Sie sich an, um das Adressbuch zu sehen.' : `Melden Sie sich an, um die Einträge von ${source} zu sehen.`,
  searching: 'Das Verzeichnis wird durchsucht…',
  serverSearchFailed: 'Das Verzeichnis konnte nicht durchsucht werden; nur bereits geladene Einträge werden angezeigt.',
  moreNumbers: { one: '{count} weitere Nummer', other: '{count} weitere Nummern' },
  rejectedEntries: { one: '{count} Eintrag konnte nicht angezeigt werden.', other: '{count} Einträge konnten nicht angezeigt werden.' },
  droppedNumbers: {
    one: '{count} Nummer wird nicht angezeigt: zu viele Nummern bei einem Eintrag.',
    other: '{count} Nummern werden nicht angezeigt: zu viele Nummern bei einem Eintrag.',
  },
  presenceFailed: 'Der Status konnte nicht geladen werden; er wird als „Unbekannt“ angezeigt.',
  agentCheckFailed: 'Ihre Verknüpfung mit Microsoft Teams konnte nicht geprüft werden, daher werden Teams-Einträge ausgeblendet.',
  agentCheckStale: 'Ihre Verknüpfung mit Microsoft Teams konnte nicht geprüft werden; Teams-Einträge werden wie zuletzt geladen angezeigt.',
  chooseNumber: (name) => `Nummer für ${name} wählen`,
  unnamed: 'Ohne Namen',
  linkedTo: (name) => (name ? `Verknüpft mit ${name}` : 'Mit einem Teams-Benutzer verknüpft'),
  spokenParts: (parts) => parts.join(', '),
  close: 'Schließen',
  loadProgress: ({ source, loaded, total, done }, format) => {
    const figures = done ? `${format(loaded)} geladen` : total === undefined ? `bisher ${format(loaded)}` : `bisher ${format(loaded)} von ${format(total)}`;
    return source === undefined ? figures : `${source}: ${figures}`;
  },
};

/** Every presence string, in German (Microsoft Teams' German wording where it has one). */
export const dePresenceStrings: PresenceStrings = {
  states: {
    available: 'Verfügbar',
    'available-idle': 'Verfügbar (inaktiv)',
    busy: 'Beschäftigt',
    'busy-idle': 'Beschäftigt (inaktiv)',
    away: 'Abwesend',
    'be-right-back': 'Bin gleich zurück',
    'do-not-disturb': 'Nicht stören',
    offline: 'Offline',
    unknown: 'Unbekannt',
  },
  activities: {
    'in-a-call': 'In einem Anruf',
    'in-a-conference-call': 'In einer Telefonkonferenz',
    presenting: 'Präsentiert',
    'in-a-meeting': 'In einer Besprechung',
    'out-of-office': 'Außer Haus',
    'off-work': 'Außerhalb der Arbeitszeit',
    inactive: 'Inaktiv',
    'urgent-interruptions-only': 'Nur dringende Unterbrechungen',
  },
  vccStates: {
    ready: 'Bereit',
    'ready-outbound': 'Bereit (ausgehend)',
    busy: 'Beschäftigt',
    wrap: 'Nachbearbeitung',
    away: 'Abwesend',
    'extended-away': 'Länger abwesend',
    'logged-out': 'Abgemeldet',
  },
  readAt: (time) => `Abgefragt um ${time}`,
  presenceOf: (name, presence) => `${name}, ${presence}`,
  teamsPresence: (presence) => `Teams: ${presence}`,
  withActivity: (state, activity) => `${state}, ${activity}`,
  withDetail: (presence, detail) => `${presence} (${detail})`,
};

/** The German translation, shaped like the element's properties: `Object.assign(book, de)`. */
export const de: AddressBookTranslation = { strings: deStrings, presenceStrings: dePresenceStrings };
