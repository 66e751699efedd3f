/**
 * Windowing for the book's listbox: only the rows in view (and a few either side) are in the DOM, whatever the
 * number of results. Rows have one fixed height, so the window is arithmetic: no measuring of every row, and the
 * window is rendered in the same update as the results — a keystroke's rows paint in the next frame, and the row
 * `aria-activedescendant` names is always in the DOM. (@lit-labs/virtualizer renders a frame or two later.)
 *
 * A keystroke renders no rows below the view: each row costs its DOM, style, layout and paint, and a presence icon,
 * and at the top of a full list those are 6 of its 15 rows. When a new result count comes, the rows below the view
 * follow once the agent pauses typing, or at once when the list scrolls, so a scroll still finds them there. (The
 * overscan above the view stays: the active row after new results, the first, is in the DOM exactly as before.)
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered beyond each edge of the view, so a short scroll never shows a gap. */
const OVERSCAN_ROWS = 6;
/** Rows assumed in view before the listbox has been measured. */
const DEFAULT_VIEW_ROWS = 12;
const DEFAULT_ROW_HEIGHT = 52;
/** How long after the last new count the rows below the view are added (a pause in typing), in milliseconds. */
const OVERSCAN_DELAY_MS = 250;

export interface RowRange {
  /** First row index rendered (inclusive). */
  readonly start: number;
  /** Last row index rendered (exclusive). */
  readonly end: number;
}

/** The rows in view (inclusive indices). */
export interface VisibleRows {
  readonly first: number;
  readonly last: number;
}

export interface ListboxWindowOptions {
  /** The listbox, which scrolls (`null` before the first render). */
  readonly scroller: () => HTMLElement | null;
  /** Other rows came into view (a scroll, a resize). */
  readonly onVisible: (visible: VisibleRows) => void;
}

/** The rows to render for a scroll position: pure, for tests and the controller. */
export function windowRange(
  count: number,
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  overscan = OVERSCAN_ROWS,
  overscanAfter = overscan,
): RowRange {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + viewHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscanAfter) };
}

export class ListboxWindowController implements ReactiveController {
  rowHeight = DEFAULT_ROW_HEIGHT;
  private viewHeight = 0;
  private scrollTop = 0;
  private observed: HTMLElement | null = null;
  private readonly resizeObserver = new ResizeObserver((entries) => this.resized(entries[0]?.contentRect.height ?? 0));
  private lastVisible = '';
  /** The row height is read once, from the first row rendered (CSS decides it); reading layout every update is slow. */
  private rowMeasured = false;
  /** The result count last rendered: a new one means new results. */
  private count = -1;
  /** New results are rendered without the overscan rows below the view, until the agent pauses or scrolls. */
  private belowDeferred = false;
  /**
   * The listbox is held at its maximum height (its rows are taller than it), so the rows in view are known. A listbox
   * as short as its few rows grows with more results, and would show rows beyond its height: the whole window then.
   */
  private viewFull = false;
  private belowTimer: ReturnType<typeof setTimeout> | undefined;
  /** The list goes back to the top when next laid out (a new open). */
  private scrollResetPending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListboxWindowOptions,
  ) {
    host.addController(this);
  }

  /** The rows to render for `count` results: a new count (new results) renders none below the view, at first. */
  range(count: number): RowRange {
    if (count !== this.count) {
      this.count = count;
      // Only worth a second update when there are rows below the view to add.
      if (this.viewFull && this.rangeFor(count, 0).end !== this.rangeFor(count, OVERSCAN_ROWS).end) this.deferBelow();
      else this.renderBelow();
    }
    return this.rangeFor(count, this.belowDeferred ? 0 : OVERSCAN_ROWS);
  }

  /**
   * Scrolls the least needed to show a row (keyboard navigation), from the known scroll position: no layout read,
   * unless `measured` (Enter on a row not on screen: the known view height may not have caught up with a resize yet) or
   * the listbox has not been observed yet (a key pressed as the book opens: the assumed twelve rows may be too many,
   * and End would leave the last row below the view; docs/rules.md#rows-one-height).
   */
  reveal(index: number, measured = false): void {
    const scroller = this.options.scroller();
    if (!scroller || index < 0) return;
    const view = (measured || this.viewHeight === 0 ? scroller.clientHeight : this.viewHeight) || DEFAULT_VIEW_ROWS * this.rowHeight;
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight;
    let scrollTop = this.scrollTop;
    if (top < scrollTop) scrollTop = top;
    else if (bottom > scrollTop + view) scrollTop = bottom - view;
    if (scrollTop === this.scrollTop) return;
    scroller.scrollTop = scrollTop;
    this.onScroll();
  }

  /** Back to the first row (a new open). */
  reset(): void {
    this.scrollTop = 0;
    this.scrollResetPending = true;
    this.applyScrollReset();
  }

  /**
   * Scrolls the listbox back to the top, once it is laid out: a closed book is not, and setting `scrollTop` on it does
   * nothing, so the list reopened where it was left while the window (and Enter) took it for the top.
   */
  private applyScrollReset(): void {
    const scroller = this.options.scroller();
    if (!this.scrollResetPending || !scroller || scroller.clientHeight === 0) return;
    this.scrollResetPending = false;
    scroller.scrollTop = 0;
  }

  /** The rows in view now. */
  visible(): VisibleRows {
    const height = this.viewHeight || DEFAULT_VIEW_ROWS * this.rowHeight;
    const first = Math.floor(this.scrollTop / this.rowHeight);
    return { first, last: Math.max(first, Math.ceil((this.scrollTop + height) / this.rowHeight) - 1) };
  }

  hostUpdated(): void {
    this.applyScrollReset();
    const scroller = this.options.scroller();
    if (scroller !== this.observed) {
      this.observed?.removeEventListener('scroll', this.onScroll);
      if (this.observed) this.resizeObserver.unobserve(this.observed);
      this.observed = scroller;
      if (scroller) {
        scroller.addEventListener('scroll', this.onScroll, { passive: true });
        this.resizeObserver.observe(scroller);
      }
    }
    if (!this.rowMeasured) this.measureRow();
  }

  hostDisconnected(): void {
    this.observed?.removeEventListener('scroll', this.onScroll);
    this.resizeObserver.disconnect();
    this.observed = null;
    this.renderBelow();
  }

  /** The window with `below` overscan rows below the view (always the full overscan above it). */
  private rangeFor(count: number, below: number): RowRange {
    const view = this.viewHeight || DEFAULT_VIEW_ROWS * this.rowHeight;
    return windowRange(count, this.scrollTop, view, this.rowHeight, OVERSCAN_ROWS, below);
  }

  /** Renders no rows below the view, and adds them once no new count has come for a moment. */
  private deferBelow(): void {
    this.belowDeferred = true;
    clearTimeout(this.belowTimer);
    this.belowTimer = setTimeout(() => {
      this.belowTimer = undefined;
      this.belowDeferred = false;
      this.host.requestUpdate();
    }, OVERSCAN_DELAY_MS);
  }

  /** The whole window from now on (a scroll, or no rows below the view to add). */
  private renderBelow(): void {
    clearTimeout(this.belowTimer);
    this.belowTimer = undefined;
    this.belowDeferred = false;
  }

  /** Reads a row's height once (CSS decides it: `--contactpad-row-height`). */
  private measureRow(): void {
    const row = this.observed?.querySelector<HTMLElement>('[role="option"]');
    if (!row || row.offsetHeight === 0) return;
    this.rowMeasured = true;
    if (row.offsetHeight !== this.rowHeight) {
      this.rowHeight = row.offsetHeight;
      this.host.requestUpdate();
    }
  }

  /** The listbox changed size (observed, so no layout is forced to learn it). */
  private resized(height: number): void {
    // Laid out with the spacer of `count` rows: shorter than it means held at the maximum height.
    this.viewFull = height > 0 && height + 1 < this.count * this.rowHeight;
    if (height !== this.viewHeight) {
      this.viewHeight = height;
      this.host.requestUpdate();
    }
    this.reportVisible();
  }

  private onScroll = (): void => {
    const scroller = this.observed;
    if (!scroller) return;
    const before = this.rangeFor(Number.MAX_SAFE_INTEGER, this.belowDeferred ? 0 : OVERSCAN_ROWS);
    this.scrollTop = scroller.scrollTop;
    // Scrolling wants the rows below the view now, before it reaches them.
    this.renderBelow();
    const after = this.rangeFor(Number.MAX_SAFE_INTEGER, OVERSCAN_ROWS);
    if (before.start !== after.start || before.end !== after.end) this.host.requestUpdate();
    this.reportVisible();
  };

  private reportVisible(): void {
    const visible = this.visible();
    const key = `${visible.first}:${visible.last}`;
    if (key === this.lastVisible) return;
    this.lastVisible = key;
    this.options.onVisible(visible);
  }

  /**
   * Whether a rendered row is on screen now (at least half of it), measured: a choice by Enter must be of a row the
   * agent sees, and the arithmetic view may not have caught up with a resize yet. One layout read, per Enter only.
   */
  onScreen(option: Element): boolean {
    const scroller = this.options.scroller();
    if (!scroller) return false;
    const view = scroller.getBoundingClientRect();
    const row = option.getBoundingClientRect();
    const shown = Math.min(row.bottom, view.bottom) - Math.max(row.top, view.top);
    return row.height > 0 && shown >= row.height / 2;
  }
}
