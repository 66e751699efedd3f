/**
 * The base of the library's elements (Shoelace's `ShoelaceElement` is the model): typed events that bubble out of
 * shadow roots, and a registration that tolerates a second copy of the library on the page.
 */
import { LitElement } from 'lit';

/** The `detail` type of a `CustomEvent` in `HTMLElementEventMap`. */
export type EventDetail<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

export class ContactpadElement extends LitElement {
  /**
   * Registers the element class under `tag`, unless the tag is taken: two bundles of the library on one page (a host
   * and a plugin) must not throw on the second `define`.
   */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /**
   * Fires one of the library's events from this element: bubbling and composed (it crosses shadow roots), typed by
   * `HTMLElementEventMap`. Returns `false` when a cancelable event was cancelled.
   */
  emit<K extends keyof HTMLElementEventMap>(name: K, detail: EventDetail<K>, { cancelable = false } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }
}
