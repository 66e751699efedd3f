import { ContactpadAddressBook } from './address-book.component.js';

export { ContactpadAddressBook };

ContactpadAddressBook.define('contactpad-address-book');

declare global {
  interface HTMLElementTagNameMap {
    'contactpad-address-book': ContactpadAddressBook;
  }
}
