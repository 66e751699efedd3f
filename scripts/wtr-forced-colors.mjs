/**
 * A web-test-runner command, `emulate-forced-colors`, that turns Chromium's forced colours (Windows high contrast)
 * on or off for the test page through puppeteer. @web/test-runner-commands' emulateMedia passes only the colour scheme
 * and reduced motion on to the Chrome launcher; this emulation makes Chromium really force system colours, not only
 * match the media query. Payload: `{ active: boolean }`; resolves to whether `forced-colors: active` now matches.
 */
export function forcedColorsPlugin() {
  return {
    name: 'contactpad-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) return false;
      await page.emulateMediaFeatures([{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }]);
      return page.evaluate("matchMedia('(forced-colors: active)').matches");
    },
  };
}
