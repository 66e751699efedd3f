import { css } from 'lit';

export const styles = css`
  :host {
    --_surface: var(--contactpad-surface, #ffffff);
    --_text: var(--contactpad-text, #1b1b1f);
    --_muted: var(--contactpad-muted-text, #5c5c66);
    --_border: var(--contactpad-border, #c7c7cf);
    --_accent: var(--contactpad-accent, #4f52b2);
    --_active: var(--contactpad-active-row, #ebebf5);
    --_mark: var(--contactpad-highlight, #fde68a);
    --_error: var(--contactpad-error, #b3261e);
    --_radius: var(--contactpad-radius, 8px);
    --_row-height: var(--contactpad-row-height, 3.25rem);
    display: block;
    font: var(--contactpad-font, inherit);
    color: var(--_text);
    /* Native parts (the search field's caret and clear button, the filter's list, scrollbars) follow the theme too. A
       host that forces one theme sets color-scheme on the element, which wins over this. */
    color-scheme: light dark;
    /* Not paint containment (contain: content): it clips the number menu and the tooltips to the book's box. */
    contain: layout style;
  }
  /* Dark defaults. A host that sets the public properties wins in both schemes (see README, Themes). */
  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--contactpad-surface, #1f1f23);
      --_text: var(--contactpad-text, #f1f1f4);
      --_muted: var(--contactpad-muted-text, #b4b4be);
      --_border: var(--contactpad-border, #4a4a55);
      --_accent: var(--contactpad-accent, #a9abf5);
      --_active: var(--contactpad-active-row, #34343d);
      --_mark: var(--contactpad-highlight, #7a5d00);
      --_error: var(--contactpad-error, #ffb4ab);
    }
  }
  :host(:not([open])) {
    display: none;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 0.75rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-sizing: border-box;
  }
  .search {
    display: flex;
    gap: 0.5rem;
  }
  input,
  select,
  button {
    font: inherit;
    color: inherit;
  }
  input {
    flex: 1;
    min-inline-size: 0;
    padding: 0.5rem 0.625rem;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  select {
    flex: 0 1 auto;
    max-inline-size: 45%;
    padding: 0.5rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .listbox {
    container: listbox / inline-size;
    max-block-size: var(--contactpad-max-height, 28rem);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  /*
   * Every row is exactly one row high, whatever the directory put in it (docs/rules.md#rows-one-height): the listbox
   * window places rows by arithmetic, and a taller row would push the rows after it out of reach. So each text stays on
   * one line, cut with an ellipsis, and nothing grows the row.
   */
  .option {
    display: grid;
    grid-template-columns: 1.25rem minmax(0, 1fr) auto;
    align-items: center;
    align-content: center;
    column-gap: 0.625rem;
    block-size: var(--_row-height);
    padding: 0.25rem 0.5rem;
    border-radius: calc(var(--_radius) - 2px);
    box-sizing: border-box;
    overflow: hidden;
    white-space: nowrap;
    cursor: pointer;
  }
  .option.active {
    background: var(--_active);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  /*
   * Narrow books (a side panel): the name takes the whole first line, and the number and badge move to the second,
   * beside the detail, which gives way first. Still two lines: the row keeps its height.
   */
  @container listbox (inline-size <= 26rem) {
    .leading {
      grid-row: 1 / span 2;
    }
    .text {
      display: contents;
    }
    .name {
      grid-column: 2 / span 2;
      grid-row: 1;
    }
    .detail {
      grid-column: 2;
      grid-row: 2;
    }
    .trailing {
      grid-column: 3;
      grid-row: 2;
      max-inline-size: 100%;
    }
  }
  .leading {
    display: flex;
    justify-content: center;
  }
  .dial-icon {
    inline-size: 1rem;
    block-size: 1rem;
    fill: currentColor;
  }
  .text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .name,
  .detail {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name {
    font-weight: 600;
  }
  .detail,
  .more,
  .badge,
  .message,
  .hint,
  .notice {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* At most half the row: a long number or badge never takes the name's room. The badge gives way first, then the
     number, each cut with an ellipsis. */
  .trailing {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-inline-size: 0;
    max-inline-size: 50cqi;
    overflow: hidden;
  }
  .number {
    font-variant-numeric: tabular-nums;
    unicode-bidi: isolate;
  }
  .trailing .number {
    flex: 0 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .more {
    flex: none;
  }
  .badge {
    flex: 0 1000 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0.0625rem 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    white-space: nowrap;
  }
  mark {
    background: var(--_mark);
    /* Not inherited: a match in a muted second line would lose contrast on the highlight (dark theme). */
    color: var(--_text);
    border-radius: 2px;
  }
  .hint,
  .notice,
  .message {
    margin: 0;
    padding: 0.5rem;
  }
  .error {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem;
    color: var(--_error);
    border: 1px solid currentColor;
    border-radius: calc(var(--_radius) - 2px);
  }
  .error button {
    padding: 0.25rem 0.75rem;
    background: transparent;
    color: var(--_accent);
    border: 1px solid currentColor;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  .progress {
    display: grid;
    gap: 0.125rem;
    padding: 0.5rem;
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .skeleton {
    display: grid;
    gap: 0.375rem;
    padding: 0.5rem;
    block-size: var(--_row-height);
    box-sizing: border-box;
  }
  .skeleton span {
    display: block;
    block-size: 0.75rem;
    inline-size: 60%;
    background: var(--_active);
    border-radius: 4px;
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .skeleton span + span {
    inline-size: 40%;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /*
   * Windows high contrast: the browser replaces colours with the system's, and backgrounds become Canvas, so the
   * active row is shown by its outline alone, in Highlight. Presence icons draw their shapes in system colours.
   */
  @media (forced-colors: active) {
    .option.active {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    input:focus-visible,
    select:focus-visible,
    button:focus-visible {
      outline-color: Highlight;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    .skeleton span {
      forced-color-adjust: none;
      background: GrayText;
    }
  }
`;
