/**
 * `styleProperties`: inline styles set through the CSSOM only, so a page whose Content-Security-Policy has no
 * `'unsafe-inline'` in `style-src` allows them. Lit's `styleMap` is not enough there: its first render writes a `style`
 * attribute (a string), which such a policy blocks.
 *
 * @example html`<div ${styleProperties({ height: `${rows * 52}px`, '--_rows': String(rows) })}></div>`
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property names as in CSS (`block-size`, `--_rows`); `undefined` removes a property. */
export type StyleProperties = Readonly<Record<string, string | undefined>>;

class StylePropertiesDirective extends Directive {
  /** The properties this directive set last time, so one left out now is removed. */
  private applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProperties belongs on an element: <div ${styleProperties({...})}>');
  }

  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): typeof noChange {
    const { style } = part.element as HTMLElement;
    const applied = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
      applied.add(name);
    }
    for (const name of this.applied) if (!applied.has(name)) style.removeProperty(name);
    this.applied = applied;
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
