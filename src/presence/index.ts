/**
 * contactpad-address-book/presence: the presence model without any element (no lit): Graph availability and
 * activity parsing, VCC state icons, labels, and the once-per-open presence session.
 */
export * from './presence.js';
export * from './presence-strings.js';
export { PresenceSession, type FetchPresences, type PresenceSessionCallbacks } from './presence-session.js';
export type { PresenceRecord } from '../directory/adapter.js';
// The VCC ⇄ Teams synchronisation: the mapping as data and the pure per-agent state machine.
export * from './vcc-mapping.js';
export * from './sync-events.js';
export * from './sync-model.js';
export * from './sync-registry.js';
