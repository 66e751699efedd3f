/**
 * contactpad-address-book: the `<contactpad-address-book>` and `<contactpad-presence-icon>` elements, the directory
 * model and adapter contract, the in-memory and composite adapters, and the presence model the elements show.
 * Importing this module registers the elements.
 *
 * Every export is named: what a host may rely on is exactly this list (helpers shared between modules stay inside).
 */

// The elements and their events.
export { ContactpadAddressBook } from './address-book/address-book.js';
export { ContactpadPresenceIcon } from './presence-icon/presence-icon.js';
export type {
  ContactpadErrorDetail,
  ContactpadErrorOperation,
  ContactpadSelectDetail,
  ContactpadSignInDetail,
} from './address-book/events.js';
export {
  DEFAULT_STRINGS,
  formatCount,
  type AddressBookStrings,
  type AddressBookTranslation,
  type CountText,
  type LoadProgressText,
  type PluralText,
} from './address-book/strings.js';

// What can be dialled.
export {
  ENTRY_KINDS,
  TEAMS_KINDS,
  VCC_STATES,
  isEntryKind,
  isVccState,
  type AutoAttendant,
  type CallQueue,
  type DirectoryEntry,
  type EntryKind,
  type EntryOfKind,
  type ExternalContact,
  type InteractionPlan,
  type TeamsUser,
  type VccAgent,
  type VccGroup,
  type VccState,
} from './directory/entry.js';
export { MAX_NUMBER_LENGTH, digitsOf, isDialable, toPhoneNumber, type PhoneNumber, type PhoneNumberType } from './directory/phone-number.js';
export { MAX_NUMBERS_PER_ENTRY } from './directory/sanitize.js';

// Where it comes from: the adapter contract, its errors, and the adapters this package provides.
export type {
  DirectoryAdapter,
  DirectoryListing,
  GetPresencesOptions,
  ListEntriesOptions,
  ListProgress,
  PendingSource,
  PresenceRecord,
  SearchEntriesOptions,
  SignedInAgent,
  SignedInAgentOptions,
  SourceFailure,
  SourceProgress,
} from './directory/adapter.js';
export { PartialResultError, SignInRequiredError } from './directory/errors.js';
export { createMemoryDirectory, type MemoryDirectoryOptions } from './directory/memory-adapter.js';
export { createCompositeDirectory, type DirectorySource } from './directory/composite-adapter.js';
export { offeredKinds, type BookMode, type DialPolicyOptions } from './directory/dial-policy.js';
export { DEFAULT_LOAD_DEADLINE_MS, DEFAULT_MAX_AGE_MS, DirectoryCache, LoadDeadlineError } from './directory/directory-cache.js';
export { SearchIndex, type SearchHit } from './directory/search-index.js';

// Presence: the model, its words, and the VCC ⇄ Teams mapping that decides an agent's icon.
export {
  MAX_STATUS_MESSAGE_LENGTH,
  PRESENCE_ACTIVITIES,
  PRESENCE_STATES,
  isPresence,
  parsePresence,
  unknownPresence,
  type Presence,
  type PresenceActivity,
  type PresenceState,
  type TeamsAvailability,
} from './presence/presence.js';
export { DEFAULT_PRESENCE_STRINGS, describePresence, type PresenceStrings } from './presence-icon/presence-strings.js';
// A host's mapping is made with `createPresenceMapping` from `contactpad-address-book/presence`, which validates it.
export { MAX_VCC_STATE_NAME_LENGTH, presenceFromVccState, type PresenceMapping } from './sync/vcc-mapping.js';
