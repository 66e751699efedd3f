/**
 * The `lang` that applies to an element: the nearest `lang` attribute, looking through shadow roots to their hosts
 * (the icon usually sits inside another element's shadow root, and `:lang()` cannot be read from script).
 */
export function closestLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node !== null) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang !== null && lang.trim() !== '') return lang.trim();
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}
