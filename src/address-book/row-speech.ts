/**
 * What a row of the book says to assistive technology, as plain text (docs/rules.md#rows-spoken-name-then-presence,
 * docs/rules.md#presence-detail-for-keyboard-and-screen-readers). Pure: the option template renders the name as the
 * option's one text not hidden from assistive technology, and the description as the text `aria-describedby` names.
 *
 * The name is one text, not computed from what the row shows. Computed, it began with the presence icon's name and ran
 * on into the entry's name with no separator; it took in the tooltip while one was open (the presence said twice); and
 * Chromium leaves a text node of white space alone between Lit's comment markers out of the accessibility tree, so a
 * highlight of two adjacent words ("<mark>After</mark> <mark>h</mark>ours") was read as one word ("Afterhours"). One
 * text, not `aria-label`: the label would have to hold the row's visible text unbroken (WCAG 2.5.3, axe's
 * label-content-name-mismatch), and the presence goes between the name and the second line.
 */
import type { Presence } from '../presence/presence.js';
import { DEFAULT_PRESENCE_STRINGS, describePresence, type PresenceStrings } from '../presence-icon/presence-strings.js';
import type { BookText } from './strings.js';

/** A status message longer than this is cut in a row's description: it is free text of any length. */
export const SPOKEN_STATUS_MESSAGE_MAX = 200;

/** The parts of a row a screen reader says, in the order it says them. */
export interface SpokenRow {
  /** The entry's name as shown (or the "Unnamed" text). */
  readonly name: string;
  readonly presence: Presence | undefined;
  /** The second line as shown (job title and department, the linked Teams user…), or ''. */
  readonly secondLine: string;
  /** The number shown, or ''. */
  readonly number: string;
  /** How many more numbers the entry has (after the one shown). */
  readonly moreNumbers: number;
  /** The kind badge shown, or '' (Teams users have none). */
  readonly kind: string;
}

/**
 * A row's accessible name: the entry's name with its presence in the translation's `presenceOf` words ("Anna Berg,
 * Busy, In a call"), then the second line, the number, how many more numbers, the kind, joined by `spokenParts`.
 */
export function spokenRowName(row: SpokenRow, strings: BookText, presenceStrings: PresenceStrings): string {
  // Tables written before presenceOf was used (or untyped hosts) may lack it: the English one then.
  const presenceOf = presenceStrings.presenceOf ?? DEFAULT_PRESENCE_STRINGS.presenceOf;
  const named = row.presence ? presenceOf(row.name, describePresence(row.presence, presenceStrings)) : row.name;
  const parts = [named, row.secondLine, row.number, row.moreNumbers > 0 ? strings.moreNumbers(row.moreNumbers) : '', row.kind];
  return strings.spokenParts(parts.filter((part) => part !== ''));
}

/**
 * A row's accessible description: what its presence tooltip says, as one text. The presence in words, a Teams status
 * message (cut to {@link SPOKEN_STATUS_MESSAGE_MAX} characters), and when it was read ("Busy, In a call, Back at 3pm,
 * Read at 14:05").
 */
export function spokenPresenceDetail(presence: Presence, strings: BookText, presenceStrings: PresenceStrings): string {
  const parts = [describePresence(presence, presenceStrings)];
  // A VCC presence's detail (its state's own name, a linked Teams presence) is part of describePresence already.
  if (presence.origin === 'teams' && presence.detail) parts.push(cut(presence.detail, SPOKEN_STATUS_MESSAGE_MAX));
  if (presence.readAt !== null) parts.push((presenceStrings.readAt ?? DEFAULT_PRESENCE_STRINGS.readAt)(strings.formatTime(presence.readAt)));
  return strings.spokenParts(parts);
}

/** The text cut to at most `max` characters (whole code points), with an ellipsis when cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text.slice(0, max + 1)).slice(0, max - 1);
  return `${points.join('')}…`;
}
