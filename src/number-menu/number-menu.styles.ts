import { css } from 'lit';

export const styles = css`
  /*
   * Physical on purpose: floating-ui gives x from the left and y from the top in every direction (it aligns
   * bottom-end to the row's left edge in right-to-left itself), and FloatingController sets left and top. An inline-start
   * inset would be right: 0 in right-to-left, and with the left that the controller sets, stretch the menu.
   */
  :host {
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--contactpad-menu-z-index, 10);
  }
  :host(:not([open])) {
    display: none;
  }
  [part='menu'] {
    min-inline-size: 14rem;
    /* An entry has at most MAX_NUMBERS_PER_ENTRY numbers (20): a short list, scrolled within a box that fits above or
       below its row, needs no windowing (docs/rules.md#numbers-cleaned-and-capped). */
    max-block-size: min(20rem, 40vh);
    overflow-y: auto;
    overscroll-behavior: contain;
    box-sizing: border-box;
    margin: 0;
    padding: 0.25rem;
    list-style: none;
    /*
     * The book's theme: the menu is rendered in the book's shadow root, so it inherits the book's resolved colours
     * (the public properties, or the light or dark defaults). System colours when used on its own.
     */
    background: var(--_surface, Canvas);
    color: var(--_text, CanvasText);
    border: 1px solid var(--_border, GrayText);
    border-radius: var(--_radius, 6px);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  }
  [part='item'] {
    display: flex;
    gap: 0.75rem;
    justify-content: space-between;
    padding: 0.5rem 0.625rem;
    border-radius: calc(var(--_radius, 6px) - 2px);
    cursor: pointer;
    outline: none;
  }
  [part='item']:focus-visible,
  [part='item']:hover {
    background: var(--_active, Highlight);
    color: var(--_text, HighlightText);
  }
  [part='item']:focus-visible {
    outline: 2px solid var(--_accent, Highlight);
    outline-offset: -2px;
  }
  [part='item']:not(:focus-visible, :hover) [part='item-type'] {
    opacity: 0.8;
  }
  [part='item-number'] {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* Windows high contrast: backgrounds are forced to Canvas, so the item in focus or under the pointer is drawn in
     the system's selection colours. */
  @media (forced-colors: active) {
    [part='menu'] {
      border-color: CanvasText;
    }
    [part='item']:focus-visible,
    [part='item']:hover {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    [part='item']:focus-visible {
      outline: 2px solid CanvasText;
    }
  }
`;
