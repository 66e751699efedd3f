/** Focus across shadow roots: `document.activeElement` and `Node.contains` both stop at a shadow root's host. */

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Whether a node is the host or inside it, through any shadow roots in between. */
export function containsDeep(host: Element, node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === host) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

/** Focuses `element` if it can take focus; returns whether focus is now on it or inside it. */
export function tryFocus(element: HTMLElement): boolean {
  element.focus({ preventScroll: true });
  const active = deepActiveElement();
  return active !== null && containsDeep(element, active);
}

/** The parent of a node in the composed tree: a shadow root's host, through any number of roots. */
function composedParent(node: Node): Node | null {
  return node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
}

/** Elements in document order, each followed by its open shadow root's elements and then its children. */
function* composedElements(root: ParentNode): Generator<Element> {
  for (const child of root.children) {
    yield child;
    if (child.shadowRoot) yield* composedElements(child.shadowRoot);
    yield* composedElements(child);
  }
}

/** Whether the Tab key can reach an element: in the tab order, enabled, rendered and not inert. */
function isTabbable(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || element.tabIndex < 0) return false;
  if (element.matches(':disabled') || element.closest('[inert]')) return false;
  return element.checkVisibility({ visibilityProperty: true });
}

/**
 * Gives focus somewhere near `element` when what had focus is going (the element is about to hide) or gone: in the
 * smallest region around it that offers one, first the region itself when it has a `tabindex` (a panel meant to take
 * focus), then the last tabbable element before `element` in it, then the first after. Never `element` or anything in
 * it, never the body. Returns whether it found one.
 */
export function focusNear(element: Element): boolean {
  for (let region = composedParent(element); region instanceof HTMLElement; region = composedParent(region)) {
    if (region !== document.body && region.hasAttribute('tabindex') && !region.matches(':disabled') && tryFocus(region)) return true;
    const { before, after } = tabbablesAround(element, region);
    if ((before !== undefined && tryFocus(before)) || (after !== undefined && tryFocus(after))) return true;
    if (region === document.body) break;
  }
  return false;
}

/** The last tabbable element before `element` in `region` (document order) and the first after it. */
function tabbablesAround(element: Element, region: Element): { before: HTMLElement | undefined; after: HTMLElement | undefined } {
  let before: HTMLElement | undefined;
  let passed = false;
  const within = region.shadowRoot ? [region.shadowRoot, region] : [region];
  for (const root of within) {
    for (const candidate of composedElements(root)) {
      if (candidate === element) passed = true;
      else if (isTabbable(candidate) && !containsDeep(element, candidate)) {
        if (passed) return { before, after: candidate };
        before = candidate;
      }
    }
  }
  return { before, after: undefined };
}
