import { ContactpadNumberMenu } from './number-menu.component.js';

export { ContactpadNumberMenu };
export type { NumberMenuSelectDetail } from './number-menu.component.js';

if (!customElements.get('contactpad-number-menu')) customElements.define('contactpad-number-menu', ContactpadNumberMenu);

declare global {
  interface HTMLElementTagNameMap {
    'contactpad-number-menu': ContactpadNumberMenu;
  }
}
