/**
 * Text folding for search: case- and diacritic-insensitive ("zoe" finds "Zoë", "lukasz" finds "Łukasz"),
 * with a map back to the original characters so the matched part can be highlighted.
 */

// Letters that Unicode does not decompose into a base letter plus a combining mark.
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', ŧ: 't',
};

const COMBINING_MARKS = /\p{M}+/gu;

function foldChar(char: string): string {
  const lower = char.toLowerCase();
  return SPECIAL_FOLDS[lower] ?? lower.normalize('NFD').replace(COMBINING_MARKS, '');
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
  return lower.replace(SPECIAL, (char) => SPECIAL_FOLDS[char] ?? char).normalize('NFD').replace(COMBINING_MARKS, '');
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
