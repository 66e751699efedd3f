/**
 * contactpad-address-book/react: React components for `<contactpad-address-book>` and `<contactpad-presence-icon>`,
 * made with `@lit/react`. Importing this module registers both elements. React is the host's (a peer dependency).
 *
 * Props set the elements' properties (`adapter`, `open`, `mode`, `strings`…); `on…` props listen to the book's events,
 * typed with the event types of `HTMLElementEventMap`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ContactpadAddressBook as AddressBookElement } from '../address-book/address-book.js';
import { ContactpadPresenceIcon as PresenceIconElement } from '../presence-icon/presence-icon.js';

export type { ContactpadErrorDetail, ContactpadSelectDetail, ContactpadSignInDetail } from '../address-book/events.js';

export type ContactpadSelectEvent = HTMLElementEventMap['contactpad-select'];
export type ContactpadErrorEvent = HTMLElementEventMap['contactpad-error'];
export type ContactpadSignInRequiredEvent = HTMLElementEventMap['contactpad-sign-in-required'];
export type ContactpadShowEvent = HTMLElementEventMap['contactpad-show'];
export type ContactpadHideEvent = HTMLElementEventMap['contactpad-hide'];

/** Every event the book fires, as React prop name → event name (typed with the event's own type). */
const addressBookEvents = {
  onContactpadSelect: 'contactpad-select' as EventName<ContactpadSelectEvent>,
  onContactpadError: 'contactpad-error' as EventName<ContactpadErrorEvent>,
  onContactpadSignInRequired: 'contactpad-sign-in-required' as EventName<ContactpadSignInRequiredEvent>,
  onContactpadShow: 'contactpad-show' as EventName<ContactpadShowEvent>,
  onContactpadHide: 'contactpad-hide' as EventName<ContactpadHideEvent>,
};

/**
 * `<contactpad-address-book>` for React. A handler of `onContactpadSelect` can call `event.preventDefault()` to keep
 * the book open, as with the DOM event.
 */
export const ContactpadAddressBook = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'contactpad-address-book',
  elementClass: AddressBookElement,
  events: addressBookEvents,
  displayName: 'ContactpadAddressBook',
});

/** `<contactpad-presence-icon>` for React (it fires no events). */
export const ContactpadPresenceIcon = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'contactpad-presence-icon',
  elementClass: PresenceIconElement,
  displayName: 'ContactpadPresenceIcon',
});

export type ContactpadAddressBookProps = React.ComponentProps<typeof ContactpadAddressBook>;
export type ContactpadPresenceIconProps = React.ComponentProps<typeof ContactpadPresenceIcon>;
