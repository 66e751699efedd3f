/** Registers `<contactpad-presence-icon>`. Import this module for its side effect; the class comes with it. */
import { ContactpadPresenceIcon } from './presence-icon.component.js';

export { ContactpadPresenceIcon };
export default ContactpadPresenceIcon;

// Guarded: two bundles of the library on one page (a host and a plugin) must not throw on the second define.
if (!customElements.get('contactpad-presence-icon')) {
  customElements.define('contactpad-presence-icon', ContactpadPresenceIcon);
}

declare global {
  interface HTMLElementTagNameMap {
    'contactpad-presence-icon': ContactpadPresenceIcon;
  }
}
