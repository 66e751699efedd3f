/**
 * contactpad-address-book: the `<contactpad-address-book>` and `<contactpad-presence-icon>` elements, the directory
 * model and adapter contract, and the in-memory and composite adapters. Importing this module registers the elements.
 */
export { ContactpadAddressBook } from './address-book/address-book.js';
export { ContactpadPresenceIcon } from './presence-icon/presence-icon.js';
export type { ContactpadSelectDetail, ContactpadErrorDetail, ContactpadErrorOperation } from './address-book/events.js';
export {
  DEFAULT_STRINGS,
  formatCount,
  type AddressBookStrings,
  type AddressBookTranslation,
  type CountText,
  type PluralText,
} from './address-book/strings.js';
export * from './directory/entry.js';
export type * from './directory/adapter.js';
export * from './directory/phone-number.js';
export { createMemoryDirectory, type MemoryDirectoryOptions } from './directory/memory-adapter.js';
export { createCompositeDirectory, type DirectorySource } from './directory/composite-adapter.js';
export { offeredKinds, type BookMode, type DialPolicyOptions } from './directory/dial-policy.js';
export { DEFAULT_MAX_AGE_MS, DirectoryCache } from './directory/directory-cache.js';
export { SearchIndex, type SearchHit } from './directory/search-index.js';
export * from './presence/presence.js';
export * from './presence-icon/presence-strings.js';
