/**
 * contactpad-address-book/presence: everything about presence except the elements (no lit).
 * - The presence model (this folder): Graph availability and activity parsing, VCC state icons, the once-per-open
 *   presence session.
 * - The words for a presence (`src/presence-icon/presence-strings.ts`), which hosts translate.
 * - The VCC ⇄ Teams synchronisation model (`src/sync/`).
 */
export {
  MAX_STATUS_MESSAGE_LENGTH,
  PRESENCE_ACTIVITIES,
  PRESENCE_STATES,
  TEAMS_AVAILABILITIES,
  isPresence,
  parsePresence,
  parseTeamsAvailability,
  presenceStateOf,
  unknownPresence,
  type Presence,
  type PresenceActivity,
  type PresenceState,
  type TeamsAvailability,
} from './presence.js';
export * from '../presence-icon/presence-strings.js';
export { PresenceSession, type FetchPresences, type PresenceSessionCallbacks } from './presence-session.js';
export type { PresenceRecord } from '../directory/adapter.js';
export * from '../sync/index.js';
