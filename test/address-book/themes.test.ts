/**
 * Themes: light and dark (`prefers-color-scheme`) pass axe, colour contrast included, and a host's custom properties
 * win over both; in forced colours (Windows high contrast) every presence state keeps its own shape in system colours
 * and the active row its outline.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { ContactpadNumberMenu } from '../../src/number-menu/number-menu.component.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import type { ContactpadPresenceIcon } from '../../src/presence-icon/presence-icon.component.js';
import { PRESENCE_STATES, type PresenceState } from '../../src/presence/presence.js';
import '../../src/presence-icon/presence-icon.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  NOT_LINKED,
  activeOption,
  openBook,
  part,
  press,
  shadow,
  typeQuery,
} from './fixtures.js';

type Scheme = 'light' | 'dark';

interface AxeNode {
  readonly target: unknown;
  readonly html: string;
  readonly any: readonly { readonly message: string }[];
}
interface AxeRuleResult {
  readonly id: string;
  readonly nodes: readonly AxeNode[];
}
interface AxeResults {
  readonly passes: readonly AxeRuleResult[];
  readonly incomplete: readonly AxeRuleResult[];
  readonly violations: readonly AxeRuleResult[];
}
/** axe-core, which the import above registers on window (the same copy `to.be.accessible()` uses). */
const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe;

/**
 * axe's color-contrast rule alone, on the element and the shadow roots inside it. A check it cannot finish
 * ("incomplete") fails too: axe files a low contrast there when, for instance, the text is a single character.
 */
async function expectContrastPasses(element: Element, what: string): Promise<void> {
  const results = await axe.run(element, { runOnly: { type: 'rule', values: ['color-contrast'] } });
  const nodes = (list: readonly AxeRuleResult[]) => list.flatMap((rule) => rule.nodes);
  const describe = (node: AxeNode) => `${JSON.stringify(node.target)}: ${node.any.map((check) => check.message).join('; ')}`;
  expect(nodes(results.violations).map(describe), `${what}: contrast violations`).to.deep.equal([]);
  expect(nodes(results.incomplete).map(describe), `${what}: contrast not determined`).to.deep.equal([]);
  // It did look inside the shadow root: a target there is a path of selectors through the host.
  const inShadow = nodes(results.passes).filter((node) => Array.isArray(node.target) && node.target.some((path) => Array.isArray(path) && path.length > 1));
  expect(inShadow.length, `${what}: text checked inside the shadow root`).to.be.greaterThan(3);
}

async function expectThemeAccessible(books: readonly ContactpadAddressBook[], what: string): Promise<void> {
  for (const book of books) {
    await expect(book).to.be.accessible();
    await expectContrastPasses(book, what);
  }
}

async function withPresences(book: ContactpadAddressBook): Promise<ContactpadAddressBook> {
  await waitUntil(() => shadow(book).querySelector('contactpad-presence-icon')?.presence.state === 'available', 'no presence shown');
  return book;
}

/** The book in the states that show text in every colour: rows, matches, badges, menu, errors, hint and notices. */
const SCENARIOS: readonly (readonly [string, () => Promise<ContactpadAddressBook[]>])[] = [
  [
    'rows with presence, matched names and details, badges, "+1" and an active row',
    async () => {
      const adapter = new CountingAdapter();
      adapter.setPresence('u-zoe', 'Busy', 'InACall');
      adapter.setPresence('u-jose', 'Away');
      const book = await withPresences(await openBook(adapter));
      // "an" marks one or two characters in names and second lines ("Anna", "Account manager", "Finance").
      await typeQuery(book, 'an');
      await press(book, 'ArrowDown');
      return [book];
    },
  ],
  [
    'matched numbers and the typed-number row',
    async () => {
      const book = await withPresences(await openBook(new CountingAdapter()));
      await typeQuery(book, '7946');
      return [book];
    },
  ],
  [
    'the number menu open',
    async () => {
      const book = await withPresences(await openBook(new CountingAdapter()));
      await typeQuery(book, 'jose');
      await press(book, 'Enter');
      const menu = shadow(book).querySelector<ContactpadNumberMenu>('contactpad-number-menu')!;
      await waitUntil(() => menu.open && menu.style.left !== '', 'the number menu was not placed');
      await menu.updateComplete;
      return [book];
    },
  ],
  [
    'a failed source with Retry, the link hint and notices',
    async () => {
      const teams = new CountingAdapter(ENTRIES.filter((entry) => entry.kind === 'teams-user'), { linkedTeamsUserId: null });
      teams.listFailure = new Error('Graph said 503');
      const failedSource = await openBook(
        createCompositeDirectory([
          { id: 'vcc', label: 'Contact centre', adapter: new CountingAdapter(ENTRIES.filter((entry) => entry.kind === 'vcc-agent'), LINKED) },
          { id: 'teams', label: 'Microsoft Teams', adapter: teams },
        ]),
      );
      expect(part(failedSource, 'retry-button')).to.exist;
      const noticed = new CountingAdapter([...ENTRIES, null], LINKED);
      noticed.failPresences = true;
      const notices = await openBook(noticed);
      await waitUntil(() => shadow(notices).querySelectorAll('[part="notice"]').length === 2, 'expected two notices');
      const hinted = await openBook(new CountingAdapter(ENTRIES, NOT_LINKED));
      expect(part(hinted, 'hint')).to.exist;
      return [failedSource, notices, hinted];
    },
  ],
];

/** The light and dark default surfaces (address-book.styles.ts). */
const SURFACE: Record<Scheme, string> = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 35)' };

function channels(colour: string): [number, number, number] {
  const match = /^rgba?\((\d+), (\d+), (\d+)/.exec(colour);
  if (!match) throw new Error(`not an rgb() colour: ${colour}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG's contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = channels(colour).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

async function iconsForEveryState(): Promise<Map<PresenceState, ContactpadPresenceIcon>> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      ${PRESENCE_STATES.map(
        (state) => html`<contactpad-presence-icon data-state=${state} .presence=${{ state, activity: null, origin: 'teams', readAt: null }}></contactpad-presence-icon>`,
      )}
    </div>`,
  );
  const icons = new Map<PresenceState, ContactpadPresenceIcon>();
  for (const icon of wrapper.querySelectorAll<ContactpadPresenceIcon>('contactpad-presence-icon')) {
    await icon.updateComplete;
    icons.set(icon.dataset.state as PresenceState, icon);
  }
  return icons;
}

function svgParts(icon: ContactpadPresenceIcon): SVGElement[] {
  return [...icon.shadowRoot!.querySelectorAll<SVGElement>('svg *')];
}

describe('address book themes', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, render] of SCENARIOS) {
      it(`${scheme}: passes axe, colour contrast included, with ${name}`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const books = await render();

        expect(getComputedStyle(part(books[0]!, 'base')!).backgroundColor, 'the scheme applied').to.equal(SURFACE[scheme]);
        await expectThemeAccessible(books, `${scheme}, ${name}`);
      });
    }

    it(`${scheme}: presence shapes keep 3:1 against the surface, and their marks against the shape`, async () => {
      await emulateMedia({ colorScheme: scheme });
      for (const [state, icon] of await iconsForEveryState()) {
        const [outline] = svgParts(icon);
        const style = getComputedStyle(outline!);
        const colour = outline!.classList.contains('disc') ? style.fill : style.stroke;
        expect(contrast(colour, SURFACE[scheme]), `${scheme} ${state}: ${colour}`).to.be.at.least(3);
        for (const knockout of icon.shadowRoot!.querySelectorAll('.knockout')) {
          expect(contrast(getComputedStyle(knockout).stroke, colour), `${scheme} ${state}: its mark`).to.be.at.least(3);
        }
      }
    });
  }

  it('dark: the number menu takes the book’s theme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const [book] = await SCENARIOS[2]![1]();
    const surface = shadow(book!).querySelector<ContactpadNumberMenu>('contactpad-number-menu')!.shadowRoot!.querySelector('[part="menu"]')!;

    expect(getComputedStyle(surface).backgroundColor).to.equal(SURFACE.dark);
    expect(getComputedStyle(surface).color).to.equal(getComputedStyle(part(book!, 'base')!).color);
  });

  // The README's dark-theme example: the public properties win over the light and the dark defaults.
  for (const scheme of ['light', 'dark'] as const) {
    it(`a host's own dark theme wins over the ${scheme} defaults and passes axe`, async () => {
      await emulateMedia({ colorScheme: scheme });
      const book = await withPresences(await openBook(new CountingAdapter()));
      book.style.cssText = `color-scheme: dark;
        --contactpad-surface: #101418; --contactpad-text: #e6edf3; --contactpad-muted-text: #9da7b3;
        --contactpad-border: #3d444d; --contactpad-accent: #4493f8; --contactpad-active-row: #1f2a37;
        --contactpad-highlight: #5a4a00; --contactpad-error: #ff7b72;
        --contactpad-presence-available: #6bb700; --contactpad-presence-mark: #101418;`;
      await typeQuery(book, 'an');

      expect(getComputedStyle(part(book, 'base')!).backgroundColor).to.equal('rgb(16, 20, 24)');
      const icon = shadow(book).querySelector<ContactpadPresenceIcon>('contactpad-presence-icon')!;
      expect(getComputedStyle(icon.shadowRoot!.querySelector('.disc')!).fill).to.equal('rgb(107, 183, 0)');
      expect(getComputedStyle(icon.shadowRoot!.querySelector('.knockout')!).stroke).to.equal('rgb(16, 20, 24)');
      expect(getComputedStyle(activeOption(book)!).backgroundColor).to.equal('rgb(31, 42, 55)');
      expect(getComputedStyle(part(book, 'highlight')!).color).to.equal('rgb(230, 237, 243)');
      await expectThemeAccessible([book], `host theme over ${scheme}`);
    });
  }
});

/**
 * Forced colours: Chromium's own emulation of Windows high contrast (through puppeteer, see
 * scripts/wtr-forced-colors.mjs), so the browser forces system colours on everything the components do not draw
 * themselves, as it would on Windows.
 */
async function forceColors(): Promise<() => Promise<void>> {
  const active = await executeServerCommand<boolean, { active: boolean }>('emulate-forced-colors', { active: true });
  expect(active && matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
  return async () => {
    await executeServerCommand('emulate-forced-colors', { active: false });
  };
}

const SYSTEM_COLOURS = ['Canvas', 'CanvasText', 'Highlight', 'HighlightText'] as const;
type SystemColour = (typeof SYSTEM_COLOURS)[number];

/** Computed values of system colours (`CanvasText`…), resolved as the components resolve them. */
async function systemColours(): Promise<Record<SystemColour, string>> {
  const probe = await fixture<HTMLDivElement>(
    html`<div style="color-scheme: light dark">${SYSTEM_COLOURS.map((name) => html`<span style="color: ${name}"></span>`)}</div>`,
  );
  const spans = [...probe.querySelectorAll('span')];
  const colours = {} as Record<SystemColour, string>;
  SYSTEM_COLOURS.forEach((name, i) => (colours[name] = getComputedStyle(spans[i]!).color));
  return colours;
}

describe('address book in forced colours', () => {
  let restore: () => Promise<void> = () => Promise.resolve();
  afterEach(async () => {
    await restore();
    restore = () => Promise.resolve();
    await emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  });

  it('draws every presence state with its own shape, in system colours', async () => {
    const icons = await iconsForEveryState();
    restore = await forceColors();
    const system = await systemColours();

    // What is seen of each state: the parts painted in a colour other than what lies beneath them (a mark cut out of
    // a disc lies on the disc, anything else on the row's Canvas), with their geometry.
    const seen = new Map<string, PresenceState>();
    for (const [state, icon] of icons) {
      const disc = icon.shadowRoot!.querySelector('.disc');
      const discFill = disc ? getComputedStyle(disc).fill : system.Canvas;
      const painted = svgParts(icon).flatMap((element) => {
        const style = getComputedStyle(element);
        const beneath = element.classList.contains('knockout') ? discFill : system.Canvas;
        const paints = [style.fill, style.stroke].filter((paint) => paint !== 'none' && paint !== beneath);
        for (const paint of paints) expect(Object.values(system), `${state}: ${element.getAttribute('class')} painted in ${paint}`).to.include(paint);
        if (paints.length === 0) return [];
        const geometry = ['d', 'cx', 'cy', 'r', 'stroke-width', 'stroke-dasharray'].map((name) => element.getAttribute(name) ?? '').join(',');
        return [`${element.localName}(${geometry}) ${paints.join('/')}`];
      });
      expect(painted.length, `${state} shows something`).to.be.greaterThan(0);
      const shape = painted.join(' ');
      expect(seen.has(shape), `${state} looks like ${seen.get(shape)}`).to.equal(false);
      seen.set(shape, state);
    }
    expect(seen.size).to.equal(PRESENCE_STATES.length);
  });

  it('outlines the active row and the focused menu number in Highlight', async () => {
    const adapter = new CountingAdapter();
    adapter.setPresence('u-zoe', 'DoNotDisturb');
    const book = await withPresences(await openBook(adapter));
    await typeQuery(book, 'jose');
    await press(book, 'Enter');
    const menu = shadow(book).querySelector<ContactpadNumberMenu>('contactpad-number-menu')!;
    await waitUntil(() => menu.open, 'the number menu did not open');
    await menu.updateComplete;
    restore = await forceColors();
    const system = await systemColours();

    const row = getComputedStyle(activeOption(book)!);
    expect([row.outlineStyle, row.outlineWidth, row.outlineColor]).to.deep.equal(['solid', '2px', system.Highlight]);
    const item = menu.shadowRoot!.activeElement!;
    expect(item.getAttribute('part')).to.equal('item');
    expect([getComputedStyle(item).backgroundColor, getComputedStyle(item).color]).to.deep.equal([system.Highlight, system.HighlightText]);
    await expectThemeAccessible([book], 'forced colours, with the number menu open');
  });

  it('stays axe-clean, colour contrast included, in forced colours', async () => {
    for (const [what, render] of SCENARIOS) {
      const books = await render();
      restore = await forceColors();
      await expectThemeAccessible(books, `forced colours: ${what}`);
      await restore();
      restore = () => Promise.resolve();
    }
  });
});
