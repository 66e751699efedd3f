import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    width: var(--contactpad-presence-size, 16px);
    height: var(--contactpad-presence-size, 16px);
    flex: none;
    vertical-align: middle;
    line-height: 0;
  }

  .base {
    display: block;
    width: 100%;
    height: 100%;
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

  svg {
    display: block;
    width: 100%;
    height: 100%;
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

  .tooltip {
    /* Positioned by floating-ui with the fixed strategy, so overflow: hidden rows do not clip it. */
    position: fixed;
    top: 0;
    left: 0;
    z-index: var(--contactpad-presence-tooltip-z-index, 1000);
    box-sizing: border-box;
    width: max-content;
    max-width: var(--contactpad-presence-tooltip-max-width, 16rem);
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
