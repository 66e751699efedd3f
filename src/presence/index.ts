/**
 * contactpad-address-book/presence: the presence model without any element (no lit): Graph availability and
 * activity parsing, VCC state icons, labels, and the once-per-open presence session.
 */
export * from './presence.js';
export * from './presence-strings.js';
export { PresenceSession, type FetchPresences, type PresenceSessionCallbacks } from './presence-session.js';
export type { PresenceRecord } from '../directory/adapter.js';
