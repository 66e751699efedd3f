import { ContactpadAddressBook } from './address-book.component.js';

export { ContactpadAddressBook };

if (!customElements.get('contactpad-address-book')) customElements.define('contactpad-address-book', ContactpadAddressBook);

declare global {
  interface HTMLElementTagNameMap {
    'contactpad-address-book': ContactpadAddressBook;
  }
}
