/**
 * Phone numbers as the directory gives them, plus the digit forms used to match what an agent types.
 *
 * Numbers are kept exactly as given for display and dialling; matching never uses the display form.
 * "020 7946" must find "+44 20 7946 0000", so besides the international digits we keep the national
 * forms (with and without the trunk prefix 0), derived from the E.164 country calling code.
 */

/** What a number is, as far as the directory knows. */
export type PhoneNumberType = 'business' | 'mobile' | 'ddi' | 'extension' | 'other';

/** A dialable number of a directory entry. */
export interface PhoneNumber {
  /**
   * The number as the directory gave it, shown to the agent and dialled: only digits, single spaces and `+ ( ) . - /`
   * (invisible characters removed, tabs and line breaks as spaces; see {@link toPhoneNumber}).
   */
  readonly value: string;
  /** Digits only, international when the number had a leading `+` (e.g. `442079460000`). */
  readonly digits: string;
  /** What kind of number this is. */
  readonly type: PhoneNumberType;
}

// E.164 country calling codes are prefix-free: 1 and 7 are the one-digit codes, these are the two-digit ones,
// every other code has three digits. This is enough to find the national significant number.
const TWO_DIGIT_COUNTRY_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84',
  '86', '90', '91', '92', '93', '94', '95', '98',
]);

/** Length of the country calling code at the start of international digits. */
export function countryCodeLength(internationalDigits: string): number {
  const first = internationalDigits.charAt(0);
  if (first === '1' || first === '7') return 1;
  return TWO_DIGIT_COUNTRY_CODES.has(internationalDigits.slice(0, 2)) ? 2 : 3;
}

/** The digits of a string, in order (`"+44 (20) 7946-0000"` → `"442079460000"`). */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}

const DIALABLE = /^\+?[\d ().\-/]+$/;
/** Shortest typed number offered as a row of its own: VCC short codes have three digits. */
const MIN_DIALABLE_DIGITS = 3;
/** E.164 allows at most 15 digits; a few more leaves room for extensions typed without a separator. */
const MAX_DIALABLE_DIGITS = 20;
/**
 * The longest text a number may have, once cleaned: 20 digits in the most generous real formatting
 * (`+1 (425) 555-0142 / 1234 5678 9` is 31) with room to spare. Anything longer, such as a number padded with
 * 100,000 separators, is not a number: rejected, never cut into another one (docs/rules.md#numbers-cleaned-and-capped).
 */
export const MAX_NUMBER_LENGTH = 48;

// Format characters (zero-width, bidi controls, the byte order mark) draw nothing and dial nothing.
const FORMAT = /\p{Cf}+/gu;
// Controls (tabs, newlines), line separators and every other space: one plain space a run.
const SPACES = /[\s\p{Cc}]+/gu;
/** Printable ASCII words with single spaces between them: nothing to clean. */
const CLEAN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

/**
 * A number's text as it is shown and dialled: format characters removed, every run of spaces, controls and line
 * separators one space, trimmed (docs/rules.md#numbers-cleaned-and-capped).
 */
function cleanNumberText(text: string): string {
  // Most numbers are clean already: no work, and no new string, for those.
  if (CLEAN_ASCII.test(text)) return text;
  return text.replace(FORMAT, '').replace(SPACES, ' ').trim();
}

/** Whether a cleaned number text is dialable. */
function isDialableText(text: string): boolean {
  if (text.length > MAX_NUMBER_LENGTH || !DIALABLE.test(text)) return false;
  const count = digitsOf(text).length;
  return count >= MIN_DIALABLE_DIGITS && count <= MAX_DIALABLE_DIGITS;
}

/**
 * Whether a string looks like something an agent could dial: digits with the usual separators, an optional leading
 * `+`, between 3 and 20 digits, at most {@link MAX_NUMBER_LENGTH} characters once invisible characters are removed
 * and spaces collapsed.
 */
export function isDialable(text: string): boolean {
  return isDialableText(cleanNumberText(text));
}

/**
 * Builds a {@link PhoneNumber} from what a directory gave, or `undefined` when it is not a phone number (empty,
 * letters, too few or too many digits, longer than {@link MAX_NUMBER_LENGTH} characters). The text is cleaned first:
 * what is dialled has no invisible characters (zero-width, bidi controls, the byte order mark), and tabs, line breaks
 * and runs of spaces become one space.
 */
export function toPhoneNumber(value: unknown, type: PhoneNumberType = 'other'): PhoneNumber | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanNumberText(value);
  if (!isDialableText(cleaned)) return undefined;
  return { value: cleaned, digits: digitsOf(cleaned), type };
}

/**
 * The digit forms a typed query may be matched against, each with the offset of its first digit in
 * {@link PhoneNumber.digits}; `synthetic` marks the form whose leading trunk `0` is not in the number. International numbers give three forms:
 * `442079460000`, `02079460000` and `2079460000`; others give their digits only.
 */
export function matchForms(
  number: PhoneNumber,
): readonly { readonly digits: string; readonly offset: number; readonly synthetic: boolean }[] {
  const forms = [{ digits: number.digits, offset: 0, synthetic: false }];
  if (number.value.startsWith('+') && number.digits.length > 4) {
    const codeLength = countryCodeLength(number.digits);
    const national = number.digits.slice(codeLength);
    forms.push(
      { digits: `0${national}`, offset: codeLength - 1, synthetic: true },
      { digits: national, offset: codeLength, synthetic: false },
    );
  }
  return forms;
}

/**
 * Where typed digits occur in a number, as a range of indices into {@link PhoneNumber.digits},
 * or `undefined` when they do not occur.
 */
export function findDigits(number: PhoneNumber, queryDigits: string): { start: number; end: number } | undefined {
  if (queryDigits.length === 0) return undefined;
  for (const form of matchForms(number)) {
    const at = form.digits.indexOf(queryDigits);
    if (at < 0) continue;
    // The trunk form's leading 0 is not in the number: a match that starts on it starts at the next digit.
    const start = form.synthetic && at === 0 ? form.offset + 1 : at + form.offset;
    return { start, end: at + form.offset + queryDigits.length };
  }
  return undefined;
}

/** Maps a range of digit indices back to character indices in the number as given, for highlighting. */
export function digitRangeToTextRange(value: string, start: number, end: number): { start: number; end: number } {
  let digitIndex = 0;
  let textStart = -1;
  let textEnd = value.length;
  for (let i = 0; i < value.length; i++) {
    if (!/\d/.test(value.charAt(i))) continue;
    if (digitIndex === start) textStart = i;
    if (digitIndex === end - 1) {
      textEnd = i + 1;
      break;
    }
    digitIndex++;
  }
  return { start: Math.max(0, textStart), end: textEnd };
}
