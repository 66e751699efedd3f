/**
 * The presence icon's SVG shapes, one per state, on a 16 × 16 grid. Every state has its own shape so that presence
 * never depends on colour alone (colour-blind agents, forced colours, greyscale screens):
 *
 * | state          | shape                                                      |
 * |----------------|------------------------------------------------------------|
 * | available      | filled disc with a check mark                              |
 * | available-idle | ring with a check mark (idle = hollow)                     |
 * | busy           | filled disc                                                |
 * | busy-idle      | ring with a small dot (idle = hollow)                      |
 * | away           | filled disc with clock hands at 12 and 4                   |
 * | be-right-back  | filled disc with clock hands at 12 and 9 (Teams draws the  |
 * |                | same clock as away; the hands differ so the two can be told apart) |
 * | do-not-disturb | filled disc with a horizontal bar                          |
 * | offline        | ring with an ×                                             |
 * | unknown        | dashed ring with a question mark                           |
 *
 * Colours are not set here: the classes below are painted by the element's styles from CSS custom properties
 * (`disc` and `ring` take the state colour, `knockout` is the mark cut out of a disc, `mark` is a mark drawn in the
 * state colour), so a host can recolour without touching shapes.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { PresenceState } from '../presence/presence.js';

const disc = svg`<circle class="disc" cx="8" cy="8" r="7.5"></circle>`;
// r 6.5 + a stroke of 2 has the same outer edge as the disc, so hollow and filled icons are the same size.
const ring = svg`<circle class="ring" cx="8" cy="8" r="6.5" stroke-width="2"></circle>`;
const dashedRing = svg`<circle class="ring" cx="8" cy="8" r="6.5" stroke-width="2" stroke-dasharray="3.4 1.7"></circle>`;

const CHECK = 'M4.75 8.25 7 10.5l4.25-4.75';
const CLOCK_AWAY = 'M8 4.25V8l2.5 1.75';
const CLOCK_BACK = 'M8 4.25V8H4.75';
const BAR = 'M4.5 8h7';
const CROSS = 'm5.75 5.75 4.5 4.5m0-4.5-4.5 4.5';
const QUESTION = 'M6.25 6.4a1.8 1.8 0 1 1 2.55 1.62c-.5.26-.8.62-.8 1.2v.28';

const stroke = (className: 'knockout' | 'mark', d: string, width = 1.6): SVGTemplateResult =>
  svg`<path
    class=${className}
    d=${d}
    stroke-width=${width}
    fill="none"
    stroke-linecap="round"
    stroke-linejoin="round"
  ></path>`;

const SHAPES: Readonly<Record<PresenceState, SVGTemplateResult>> = {
  available: svg`${disc}${stroke('knockout', CHECK)}`,
  'available-idle': svg`${ring}${stroke('mark', CHECK)}`,
  busy: disc,
  'busy-idle': svg`${ring}<circle class="dot" cx="8" cy="8" r="2.75"></circle>`,
  away: svg`${disc}${stroke('knockout', CLOCK_AWAY)}`,
  'be-right-back': svg`${disc}${stroke('knockout', CLOCK_BACK)}`,
  'do-not-disturb': svg`${disc}${stroke('knockout', BAR, 2)}`,
  offline: svg`${ring}${stroke('mark', CROSS)}`,
  unknown: svg`${dashedRing}${stroke('mark', QUESTION, 1.5)}<circle class="dot" cx="8" cy="11.6" r="0.9"></circle>`,
};

/** The shape for a state (Unknown's for anything unexpected). */
export function presenceShape(state: PresenceState): SVGTemplateResult {
  return Object.hasOwn(SHAPES, state) ? SHAPES[state] : SHAPES.unknown;
}
