/** Registers `<contactpad-presence-icon>`. Import this module for its side effect; the class comes with it. */
import { ContactpadPresenceIcon } from './presence-icon.component.js';

export { ContactpadPresenceIcon };
export default ContactpadPresenceIcon;

ContactpadPresenceIcon.define('contactpad-presence-icon');

declare global {
  interface HTMLElementTagNameMap {
    'contactpad-presence-icon': ContactpadPresenceIcon;
  }
}
