import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    inline-size: var(--contactpad-presence-size, 16px);
    block-size: var(--contactpad-presence-size, 16px);
    flex: none;
    vertical-align: middle;
    line-height: 0;
  }

  .base {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    /* The state colour; each state picks its public custom property below. */
    --_color: var(--contactpad-presence-unknown, #707070);
  }

  .base--available,
  .base--available-idle {
    --_color: var(--contactpad-presence-available, #13a10e);
  }
  .base--busy,
  .base--busy-idle {
    --_color: var(--contactpad-presence-busy, #c4314b);
  }
  .base--away,
  .base--be-right-back {
    --_color: var(--contactpad-presence-away, #c27c0e);
  }
  .base--do-not-disturb {
    --_color: var(--contactpad-presence-do-not-disturb, #c4314b);
  }
  .base--offline {
    --_color: var(--contactpad-presence-offline, #707070);
  }

  /*
   * Dark defaults: lighter state colours keep at least 3:1 against a dark surface (#1f1f23) and its active row
   * (#34343d), and the marks cut out of filled icons are dark so they keep their contrast on those lighter discs.
   * The public properties still win.
   */
  @media (prefers-color-scheme: dark) {
    .base {
      --_color: var(--contactpad-presence-unknown, #9e9e9e);
    }
    .base--available,
    .base--available-idle {
      --_color: var(--contactpad-presence-available, #6bb700);
    }
    .base--busy,
    .base--busy-idle {
      --_color: var(--contactpad-presence-busy, #ff6b7d);
    }
    .base--away,
    .base--be-right-back {
      --_color: var(--contactpad-presence-away, #f8d22a);
    }
    .base--do-not-disturb {
      --_color: var(--contactpad-presence-do-not-disturb, #ff6b7d);
    }
    .base--offline {
      --_color: var(--contactpad-presence-offline, #9e9e9e);
    }
  }

  svg {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    overflow: visible;
  }

  .disc,
  .dot {
    fill: var(--_color);
  }
  .ring {
    fill: none;
    stroke: var(--_color);
  }
  .mark {
    stroke: var(--_color);
  }
  .knockout {
    stroke: var(--contactpad-presence-mark, #fff);
  }
  @media (prefers-color-scheme: dark) {
    .knockout {
      stroke: var(--contactpad-presence-mark, #1f1f23);
    }
  }

  .tooltip {
    /*
     * Positioned by floating-ui with the fixed strategy, so overflow: hidden rows do not clip it. Physical on purpose:
     * floating-ui's coordinates are x from the left and y from the top in every direction (it mirrors placements in
     * right-to-left itself), and the script sets left and top.
     */
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--contactpad-presence-tooltip-z-index, 1000);
    box-sizing: border-box;
    inline-size: max-content;
    /* Never larger than the screen, whatever a status message or state name holds (docs/rules.md#presence-texts-clamped). */
    max-inline-size: min(var(--contactpad-presence-tooltip-max-width, 16rem), calc(100vw - 8px));
    max-block-size: calc(100vh - 8px);
    overflow: hidden;
    padding: 0.25rem 0.5rem;
    border-radius: 4px;
    background: var(--contactpad-presence-tooltip-background, #242424);
    color: var(--contactpad-presence-tooltip-color, #fff);
    font: 400 0.75rem / 1.4 var(--contactpad-font-family, system-ui, sans-serif);
    line-height: 1.4;
    white-space: normal;
    overflow-wrap: anywhere;
    pointer-events: auto;
  }
  .tooltip[hidden] {
    display: none;
  }
  .tooltip__line {
    display: block;
  }
  .tooltip__state {
    font-weight: 600;
  }
  /* Free text (a status message, a state name) shows at most six lines: the read time after it stays in view. */
  .tooltip__detail {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 6;
    overflow: hidden;
  }

  @media (forced-colors: active) {
    /*
     * Shapes carry the meaning: draw them in system colours so they keep full contrast whatever the theme,
     * and stop the browser from adjusting them again.
     */
    .base {
      forced-color-adjust: none;
      --_color: CanvasText;
    }
    .knockout {
      stroke: Canvas;
    }
    .tooltip {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
