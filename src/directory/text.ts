/**
 * Text folding for search: case- and diacritic-insensitive ("zoe" finds "Zoë", "lukasz" finds "Łukasz"),
 * with a map back to the original characters so the matched part can be highlighted.
 */

// Letters that Unicode does not decompose into a base letter plus a combining mark.
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', ŧ: 't',
};

const COMBINING_MARKS = /\p{M}+/gu;
// Zero-width joiners draw nothing themselves: kept in emoji and joining scripts (see cleanShownText), never matched.
const JOINERS = /[\u200C\u200D]/g;

function foldChar(char: string): string {
  const lower = char.toLowerCase();
  return SPECIAL_FOLDS[lower] ?? lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(JOINERS, '');
}

const SPECIAL = /[øłđðþßæœıħŧ]/g;
// Printable ASCII needs no folding beyond lower case (the common case, and the fast one).
const ASCII = /^[ -~]*$/;

/**
 * Folds text for matching: lower case, no diacritics, special letters spelt out. Gives the same as folding each
 * character (foldWithMap), as one flat string: keystrokes search these with `includes`.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower.replace(SPECIAL, (char) => SPECIAL_FOLDS[char] ?? char).normalize('NFD').replace(COMBINING_MARKS, '').replace(JOINERS, '');
}

/** Folded text plus, for each folded character, the index in the original of the character it came from. */
export interface FoldedText {
  readonly folded: string;
  readonly sourceIndex: readonly number[];
}

export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const sourceIndex: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldChar(char);
    folded += piece;
    for (let i = 0; i < piece.length; i++) sourceIndex.push(index);
    index += char.length;
  }
  return { folded, sourceIndex };
}

/** A half-open range of character indices in the original text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Folded query words: "  Zoë  MÜL " → ["zoe", "mul"]. */
export function queryWords(query: string): string[] {
  // A word of punctuation alone ("+", "(") says nothing yet: it matches like no word at all.
  return foldText(query).split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * Where the query's words occur in a text, as merged, sorted ranges of the original text (for highlighting).
 * Each word marks its first occurrence, preferring the start of a word.
 */
export function matchRanges(text: string, words: readonly string[]): TextRange[] {
  if (words.length === 0 || text.length === 0) return [];
  const { folded, sourceIndex } = foldWithMap(text);
  const ranges: TextRange[] = [];
  for (const word of words) {
    const at = findWordStart(folded, word);
    if (at < 0) continue;
    const lastFolded = at + word.length - 1;
    const start = sourceIndex[at] ?? 0;
    const lastSource = sourceIndex[lastFolded] ?? start;
    // The range ends after the whole original character (surrogate pairs are two code units).
    let end = lastSource + (text.codePointAt(lastSource)! > 0xffff ? 2 : 1);
    // Keep combining marks (a decomposed "é") with the letter they belong to.
    while (end < text.length && /\p{M}/u.test(text.charAt(end))) end++;
    ranges.push({ start, end });
  }
  return mergeRanges(ranges);
}

/** The index of `word` in `folded`, preferring an occurrence at the start of a word, or -1. */
function findWordStart(folded: string, word: string): number {
  let first = -1;
  let at = folded.indexOf(word);
  while (at >= 0) {
    if (at === 0 || !isWordChar(folded.charAt(at - 1))) return at;
    if (first < 0) first = at;
    at = folded.indexOf(word, at + 1);
  }
  return first;
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------------------------
// Shown text: what a directory gives, made to show what it says (docs/rules.md#shown-text-is-matched-text).

/**
 * Format characters (Unicode Cf) draw nothing, or reorder what is drawn: bidi embeddings, overrides, isolates and
 * marks, zero-width spaces, the byte order mark, soft hyphens, tags. Captured first: an emoji tag sequence (a
 * subdivision flag, 🏴 + tags), which is drawn.
 */
const FORMAT = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|\p{Cf}/gu;
/** Format characters that are drawn: the prepended concatenation marks (the Arabic number sign…). */
const DRAWN_FORMAT = /^[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]$/u;
/** Controls (tabs, newlines, NEL…) and line and paragraph separators: each run becomes one space. */
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
/** Nothing to clean but the ends: no format character, control or line separator (the common case, and the fast one). */
const NOTHING_TO_CLEAN = /^[^\p{Cf}\p{Cc}\p{Zl}\p{Zp}]*$/u;
/** A character a zero-width joiner or non-joiner may join: not ASCII, not a space, not itself invisible. */
const JOINABLE = /^[^\0-\x7F\s\p{Cf}]$/u;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The code point before `index` in `text` (a whole surrogate pair), or `''`. */
function charBefore(text: string, index: number): string {
  const pair = index >= 2 && isLowSurrogate(text.charCodeAt(index - 1)) && isHighSurrogate(text.charCodeAt(index - 2));
  return text.slice(pair ? index - 2 : Math.max(0, index - 1), index);
}

/** The code point at `index` in `text` (a whole surrogate pair), or `''`. */
function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Text as it may be shown and matched: format characters removed (bidi controls, zero-width characters, the byte order
 * mark), except those that draw something (a zero-width joiner or non-joiner between two characters of an emoji or a
 * joining script, an emoji tag sequence, the Arabic number signs); controls and line separators as spaces; trimmed.
 * What is drawn is then what is stored, in the order stored, and a search for what is shown finds it.
 *
 * @example cleanShownText('\u202Eyrrallom') // 'yrrallom', drawn left to right as stored
 * @example cleanShownText('Mal\u200Blory\t') // 'Mallory'
 */
export function cleanShownText(text: string): string {
  if (NOTHING_TO_CLEAN.test(text)) return text.trim();
  return text
    .replace(FORMAT, (char: string, tags: string | undefined, at: number, whole: string) => {
      if (tags !== undefined || DRAWN_FORMAT.test(char)) return char;
      const joins = (char === '\u200C' || char === '\u200D') && JOINABLE.test(charBefore(whole, at)) && JOINABLE.test(charAt(whole, at + 1));
      return joins ? char : '';
    })
    .replace(BREAKS, ' ')
    .trim();
}

/** The ellipsis a clamped text ends with. */
const ELLIPSIS = '…';

/**
 * A text of at most `max` characters (UTF-16 code units, as `length` counts): longer ones are cut and end with an
 * ellipsis, never inside a surrogate pair (half an emoji). For free texts with no bound of their own, so one long text
 * cannot make a label or a tooltip thousands of pixels long.
 */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

