/**
 * The "Language" arg: English (the built-in strings), German or Arabic (right to left), from the package's
 * `./locales/de` and `./locales/ar` entry points. The book does not choose a translation by `lang`: like a host, a
 * story sets `lang` and `dir` on the book and passes the translation's strings; `lang` then picks the plural rules,
 * number format and collation.
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { DEFAULT_PRESENCE_STRINGS, DEFAULT_STRINGS, type AddressBookTranslation, type ContactpadAddressBook } from '../src/index.js';
import { de } from '../src/locales/de.js';
import { ar } from '../src/locales/ar.js';
import type { ArgType } from './csf.js';

export interface StoryLanguage {
  /** The `lang` it sets. */
  readonly value: 'en' | 'de' | 'ar';
  /** Its name in its own language, as a language menu shows it. */
  readonly label: string;
  readonly dir: 'ltr' | 'rtl';
  readonly translation: AddressBookTranslation;
}

const ENGLISH: AddressBookTranslation = { strings: DEFAULT_STRINGS, presenceStrings: DEFAULT_PRESENCE_STRINGS };

/** The languages the "Language" control offers, in its order. */
export const LANGUAGES: readonly StoryLanguage[] = [
  { value: 'en', label: 'English', dir: 'ltr', translation: ENGLISH },
  { value: 'de', label: 'Deutsch', dir: 'ltr', translation: de },
  { value: 'ar', label: 'العربية', dir: 'rtl', translation: ar },
];
export type LanguageChoice = StoryLanguage['value'];

export function isLanguageChoice(value: unknown): value is LanguageChoice {
  return LANGUAGES.some((language) => language.value === value);
}

/** The language of a choice; English for anything else. */
export function languageOf(choice: unknown): StoryLanguage {
  return LANGUAGES.find((language) => language.value === choice) ?? LANGUAGES[0]!;
}

/** Args of a story whose book (or icons) can be shown in another language. */
export interface LanguageArgs {
  readonly language: LanguageChoice;
}

export const DEFAULT_LANGUAGE: LanguageChoice = 'en';

export const LANGUAGE_ARG_TYPE: ArgType = {
  name: 'Language',
  control: 'select',
  options: LANGUAGES.map((language) => language.value),
  description: 'The book’s language: sets lang and dir on it and passes that translation’s strings (Arabic is right to left).',
};

/** `<contactpad-address-book ${inLanguage(language)}>`: sets `lang`, `dir`, `strings` and `presenceStrings`, as a host would. */
class InLanguage extends Directive {
  private applied: StoryLanguage | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('inLanguage() goes on an element: <contactpad-address-book ${inLanguage(…)}>');
  }

  render(_language: StoryLanguage): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [language]: [StoryLanguage]): typeof noChange {
    if (language === this.applied) return noChange;
    this.applied = language;
    const book = part.element as ContactpadAddressBook;
    book.lang = language.value;
    book.dir = language.dir;
    Object.assign(book, language.translation);
    return noChange;
  }
}

export const inLanguage = directive(InLanguage);
