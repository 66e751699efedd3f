/**
 * Keeps a popup (the number menu, the presence tooltip) placed beside its anchor with floating-ui: loaded on first
 * use (see {@link loadFloating}), fixed positioning (rows of a scrolling list clip anything absolute), and
 * re-placed by floating-ui's `autoUpdate` while open. Positions are set through the CSSOM, never a style attribute,
 * so a strict `style-src` policy allows them.
 *
 * Work started before the latest {@link FloatingController.stop} (a pending import, a computation) is dropped, so a
 * popup closed, re-anchored or removed while floating-ui loads is never placed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Placement } from '@floating-ui/dom';
import { loadFloating, type FloatingUi } from './floating.js';

export interface FloatingOptions {
  readonly placement: Placement;
  /** Gap between anchor and popup, in CSS pixels. */
  readonly offset: number;
  /** The least distance kept from the viewport's edges, in CSS pixels. */
  readonly padding: number;
  /**
   * Hide the popup (`visibility: hidden`) until it is first placed, or it shows at the viewport's corner meanwhile.
   * Not for a popup whose first item takes focus at once: a hidden element cannot be focused.
   */
  readonly hideUntilPlaced?: boolean;
}

export class FloatingController implements ReactiveController {
  private stopAutoUpdate: (() => void) | undefined;
  /** Counts the stops: work of an earlier start is dropped. */
  private run = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: FloatingOptions,
  ) {
    host.addController(this);
  }

  /** Places `floating` beside `anchor` and keeps it there until {@link stop}. */
  start(anchor: Element, floating: HTMLElement): void {
    this.stop();
    if (this.options.hideUntilPlaced) floating.style.visibility = 'hidden';
    const run = this.run;
    void loadFloating().then((floatingUi) => {
      if (run !== this.run) return;
      this.stopAutoUpdate = floatingUi.autoUpdate(anchor, floating, () => void this.place(floatingUi, anchor, floating, run));
      // The chunk could not be fetched: the popup stays where it is (hidden, if so asked); a later start tries again.
    }, () => undefined);
  }

  /** Stops placing (the popup closed); work still under way for the last start is dropped. */
  stop(): void {
    this.run++;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
  }

  hostDisconnected(): void {
    // A removed popup (a virtualised row scrolled away) must not keep autoUpdate's listeners and observers alive.
    this.stop();
  }

  private async place({ computePosition, offset, flip, shift }: FloatingUi, anchor: Element, floating: HTMLElement, run: number): Promise<void> {
    const { placement, padding } = this.options;
    const { x, y } = await computePosition(anchor, floating, {
      strategy: 'fixed',
      placement,
      middleware: [offset(this.options.offset), flip(), shift({ padding })],
    });
    if (run !== this.run) return;
    floating.style.left = `${x}px`;
    floating.style.top = `${y}px`;
    if (this.options.hideUntilPlaced) floating.style.visibility = '';
  }
}
