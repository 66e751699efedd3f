/** Registers `<contactpad-number-menu>`. Import this module for its side effect; the class comes with it. */
import { ContactpadNumberMenu, type NumberMenuCloseDetail, type NumberMenuSelectDetail } from './number-menu.component.js';

export { ContactpadNumberMenu };
export type { NumberMenuCloseDetail, NumberMenuSelectDetail };

ContactpadNumberMenu.define('contactpad-number-menu');

declare global {
  interface HTMLElementTagNameMap {
    'contactpad-number-menu': ContactpadNumberMenu;
  }
  interface HTMLElementEventMap {
    'contactpad-number-select': CustomEvent<NumberMenuSelectDetail>;
    'contactpad-number-menu-close': CustomEvent<NumberMenuCloseDetail>;
  }
}
