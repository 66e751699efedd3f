/**
 * A web-test-runner command, `accessible-node`, that answers what Chromium's accessibility tree says of one element:
 * its role, its accessible name and its accessible description, as a screen reader gets them (computed by the
 * browser through the DevTools protocol, not rebuilt from the DOM by the test). Payload: `{ selector }`, a puppeteer
 * selector (`pierce/…` reaches into shadow roots); resolves to `{ role, name, description }`, or `null` when no
 * element matches or the element is not in the accessibility tree.
 */
export function accessibleNodePlugin() {
  return {
    name: 'contactpad-accessible-node',
    async executeCommand({ command, payload, session }) {
      if (command !== 'accessible-node') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) return null;
      const element = await page.$(payload.selector);
      if (!element) return null;
      try {
        const node = await page.accessibility.snapshot({ root: element, interestingOnly: false });
        return node ? { role: node.role ?? '', name: node.name ?? '', description: node.description ?? '' } : null;
      } finally {
        await element.dispose();
      }
    },
  };
}
