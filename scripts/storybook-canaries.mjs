/**
 * Pages that each break one rule of check-storybook.mjs, shaped like Storybook's story iframe (the body's
 * `sb-show-*` class, `#storybook-root`, `#error-message`). The check inspects them first, as it inspects a story,
 * and fails unless each is caught for the reason it breaks (`expect`): a check that cannot fail proves nothing.
 * Apart from what it breaks, each page holds a working element (`<contactpad-canary>`, upgraded, with content in its
 * shadow root), and the first page breaks nothing: it must pass, or the check would fail every story alike.
 */

/** Defines `<contactpad-canary>`: upgraded, with an open shadow root that has content (unless `empty`). */
const defineCanary = (empty = false) => `<script>
  customElements.define('contactpad-canary', class extends HTMLElement {
    connectedCallback() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      ${empty ? '' : "if (!root.firstChild) root.append('rendered');"}
    }
  });
</script>`;

const WORKING = '<div id="root-inner"><contactpad-canary></contactpad-canary></div>';

function page({ bodyClass = 'sb-show-main', root = WORKING, head = defineCanary(), extra = '' }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>canary</title>${head}</head>
<body class="${bodyClass}"><div id="storybook-root">${root}</div>${extra}</body></html>`;
}

/**
 * `name` (its URL), what it `breaks` (null: nothing), the problem the check must report for it (`expect`, null: none
 * at all), and its `html`.
 */
export const CANARIES = [
  { name: 'working', breaks: null, expect: null, html: page({}) },
  {
    name: 'unregistered-element',
    breaks: 'an element whose module was dropped: it sits in the DOM with no shadow root',
    expect: /<contactpad-address-book> is never defined.*<contactpad-address-book> has no shadow root/,
    html: page({ root: '<div id="root-inner"><contactpad-address-book></contactpad-address-book></div>' }),
  },
  {
    name: 'empty-shadow-root',
    breaks: 'an element that rendered nothing into its shadow root',
    expect: /<contactpad-canary> rendered an empty shadow root/,
    html: page({ head: defineCanary(true) }),
  },
  {
    name: 'storybook-error',
    breaks: 'Storybook shows its error display',
    expect: /Storybook shows an error: The story threw\./,
    html: page({ bodyClass: 'sb-show-errordisplay', extra: '<div id="error-message">The story threw.</div>' }),
  },
  { name: 'no-preview', breaks: 'Storybook shows "no preview"', expect: /no preview/, html: page({ bodyClass: 'sb-show-nopreview' }) },
  {
    name: 'never-shown',
    breaks: 'Storybook never leaves "preparing"',
    expect: /did not show the story/,
    html: page({ bodyClass: 'sb-show-preparing-story' }),
  },
  { name: 'empty-canvas', breaks: 'nothing rendered', expect: /nothing rendered/, html: page({ root: '' }) },
  {
    name: 'no-element',
    breaks: 'no contactpad-* element rendered',
    expect: /no contactpad-\* element rendered/,
    html: page({ root: '<div id="root-inner"><p>Text only</p></div>' }),
  },
  {
    name: 'page-error',
    breaks: 'an uncaught exception',
    expect: /page error: canary: uncaught/,
    html: page({ extra: "<script>throw new Error('canary: uncaught');</script>" }),
  },
  {
    name: 'console-error',
    breaks: 'an error logged',
    expect: /console error: canary: logged/,
    html: page({ extra: "<script>console.error('canary: logged');</script>" }),
  },
  {
    name: 'offsite-request',
    breaks: 'a request off this machine',
    expect: /asked the network for https:\/\/example\.com\/canary/,
    html: page({ extra: "<script>fetch('https://example.com/canary').catch(() => {});</script>" }),
  },
];
