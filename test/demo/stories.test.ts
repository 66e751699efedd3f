/**
 * Every story of every stories module renders (with its default args, as Storybook would call it) without throwing,
 * and the address book stories contain the book. No timings: only what is in the DOM right after rendering.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { isStory, storyId, type StoriesModule } from '../../stories/csf.js';
import * as addressBookStories from '../../stories/address-book.stories.js';
import * as presenceIconStories from '../../stories/presence-icon.stories.js';
import * as embeddings from '../../demo/embeddings.js';
import { groupPages, type DemoPage } from '../../demo/pages.js';
import { controls } from '../../demo/controls.js';
import { simulatedTenantAdapter } from '../../stories/simulated-directory.js';

const STORY_MODULES: readonly StoriesModule[] = [addressBookStories, presenceIconStories];

function storiesOf(module: StoriesModule): [string, (args: object) => TemplateResult, object][] {
  const meta = module.default;
  return Object.keys(module).flatMap((name): [string, (args: object) => TemplateResult, object][] => {
    const story = module[name];
    if (name === 'default' || !isStory(story)) return [];
    return [[name, (args) => story.render(args), { ...meta.args, ...story.args }]];
  });
}

afterEach(() => fixtureCleanup());

for (const module of STORY_MODULES) {
  const meta = module.default;

  describe(`stories: ${meta.title}`, () => {
    it('has a CSF default export', () => {
      expect(meta.title).to.be.a('string').and.not.be.empty;
      expect(meta.component).to.match(/^contactpad-/);
      expect(customElements.get(meta.component), `${meta.component} is defined`).to.exist;
      expect(storiesOf(module)).to.not.be.empty;
    });

    for (const [name, render, args] of storiesOf(module)) {
      it(`${name} renders`, async () => {
        const template = render(args);
        const host = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
        expect(host.childElementCount, 'rendered something').to.be.greaterThan(0);
        const component = host.querySelector(meta.component);
        expect(component, `contains <${meta.component}>`).to.exist;
        if (component instanceof HTMLElement && 'updateComplete' in component) {
          await (component as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          expect(component.shadowRoot, 'the component rendered its shadow root').to.exist;
        }
      });
    }
  });
}

describe('stories: address book', () => {
  it('the default story is Outbound, with the id Storybook gives it', () => {
    const [first] = groupPages([addressBookStories])[0]?.pages ?? [];
    expect(first?.id).to.equal('address-book--outbound');
    expect(storyId('Address book', 'NotLinkedToTeams')).to.equal('address-book--not-linked-to-teams');
  });

  it('opens the book in consult mode with consult-to-queue in the Consult story', async () => {
    const { Consult } = addressBookStories;
    const host = await fixture<HTMLDivElement>(html`<div>${Consult.render({ ...addressBookStories.default.args, ...Consult.args })}</div>`);
    const book = host.querySelector('contactpad-address-book');
    expect(book?.mode).to.equal('consult');
    expect(book?.consultToQueue).to.equal(true);
    expect(book?.open).to.equal(true);
  });

  it('shows a markup name as text in the Malformed data story', async () => {
    const { MalformedData } = addressBookStories;
    const host = await fixture<HTMLDivElement>(html`<div>${MalformedData.render(addressBookStories.default.args)}</div>`);
    const book = host.querySelector('contactpad-address-book')!;
    await book.updateComplete;
    await book.loadComplete;
    await book.updateComplete;
    const names = [...book.shadowRoot!.querySelectorAll('[part="option-name"]')].map((node) => node.textContent ?? '');
    expect(names.some((name) => name.includes('<img src=x onerror=alert(1)>'))).to.equal(true);
    expect(book.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('shows the presence icon in all nine states in the gallery', async () => {
    const { Gallery } = presenceIconStories;
    const host = await fixture<HTMLDivElement>(html`<div>${Gallery.render(presenceIconStories.default.args)}</div>`);
    const states = [...host.querySelectorAll('contactpad-presence-icon')].map((icon) => icon.presence.state);
    expect(new Set(states).size).to.equal(9);
  });
});

describe('demo embeddings', () => {
  for (const name of ['OutboundCallDialog', 'ConsultPanel'] as const) {
    it(`${name} renders its mock with an address book`, async () => {
      const story = embeddings[name];
      const host = await fixture<HTMLDivElement>(html`<div>${story.render({ ...embeddings.default.args, latency: false })}</div>`);
      const mock = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      await mock.updateComplete;
      const book = mock.shadowRoot?.querySelector('contactpad-address-book');
      expect(book).to.exist;
      expect(book?.mode).to.equal(name === 'ConsultPanel' ? 'consult' : 'outbound');
    });
  }
});

describe('demo: Directory control', () => {
  const pages = groupPages([addressBookStories, embeddings]).flatMap((group) => group.pages);
  const page = (id: string): DemoPage => pages.find((candidate) => candidate.id === id)!;
  const noop = { onArg: () => undefined, onSize: () => undefined, onReset: () => undefined };

  it('offers both directories where the page has the arg, the embedded one by default', async () => {
    const outbound = page('embeddings--outbound-call-dialog');
    const host = await fixture<HTMLDivElement>(html`<div>${controls({ page: outbound, args: outbound.args, size: 'medium' }, noop)}</div>`);
    const select = host.querySelector<HTMLSelectElement>('select[name="directory"]')!;
    expect(select.closest('label')?.textContent).to.include('Directory');
    expect([...select.options].map((option) => option.text)).to.deep.equal(['Embedded demo directory', 'Microsoft 365 (simulated tenant)']);
    expect(select.value).to.equal('demo');
    expect(select.disabled).to.equal(false);
    expect(page('address-book--loading').argNames.has('directory')).to.equal(false);
  });

  it('reports the choice and leaves linked and latency to the simulated tenant', async () => {
    const consult = page('address-book--consult');
    const chosen: unknown[] = [];
    const callbacks = { ...noop, onArg: (name: string, value: unknown) => chosen.push([name, value]) };
    const host = await fixture<HTMLDivElement>(
      html`<div>${controls({ page: consult, args: { ...consult.args, directory: 'simulated' }, size: 'medium' }, callbacks)}</div>`,
    );
    const select = host.querySelector<HTMLSelectElement>('select[name="directory"]')!;
    expect(select.value).to.equal('simulated');
    expect(host.querySelector<HTMLInputElement>('input[name="linked"]')!.disabled).to.equal(true);
    expect(host.querySelector<HTMLInputElement>('input[name="latency"]')!.disabled).to.equal(true);
    select.value = 'demo';
    select.dispatchEvent(new Event('change'));
    expect(chosen).to.deep.equal([['directory', 'demo']]);
  });

  it('keeps one simulated-tenant adapter for the page (created without any request)', () => {
    expect(simulatedTenantAdapter()).to.equal(simulatedTenantAdapter());
  });
});

describe('demo: Language control', () => {
  const pages = groupPages([addressBookStories, presenceIconStories, embeddings]).flatMap((group) => group.pages);
  const page = (id: string): DemoPage => pages.find((candidate) => candidate.id === id)!;
  const noop = { onArg: () => undefined, onSize: () => undefined, onReset: () => undefined };

  it('offers English, German and Arabic, each named in its own language, and reports the choice', async () => {
    const outbound = page('address-book--outbound');
    const chosen: unknown[] = [];
    const callbacks = { ...noop, onArg: (name: string, value: unknown) => chosen.push([name, value]) };
    const host = await fixture<HTMLDivElement>(html`<div>${controls({ page: outbound, args: outbound.args, size: 'medium' }, callbacks)}</div>`);
    const select = host.querySelector<HTMLSelectElement>('select[name="language"]')!;
    expect(select.closest('label')?.textContent).to.include('Language');
    expect([...select.options].map((option) => option.text)).to.deep.equal(['English', 'Deutsch', 'العربية']);
    expect(select.value).to.equal('en');
    expect(select.disabled).to.equal(false);
    select.value = 'ar';
    select.dispatchEvent(new Event('change'));
    expect(chosen).to.deep.equal([['language', 'ar']]);
    // Every page shows text in the book or the icons, so every page has the control.
    expect(pages.every((candidate) => candidate.argNames.has('language'))).to.equal(true);
  });

  it('sets lang, dir and the strings on the book of a story', async () => {
    const outbound = page('address-book--outbound');
    const host = await fixture<HTMLDivElement>(html`<div>${outbound.render({ ...outbound.args, language: 'ar', open: false })}</div>`);
    const book = host.querySelector('contactpad-address-book')!;
    await book.updateComplete;
    expect(book.lang).to.equal('ar');
    expect(book.dir).to.equal('rtl');
    expect(book.shadowRoot!.querySelector('input')!.getAttribute('aria-label')).to.equal('دفتر العناوين');
  });

  it('sets them on the book inside an embedding', async () => {
    const consult = page('embeddings--consult-panel');
    const host = await fixture<HTMLDivElement>(html`<div>${consult.render({ ...consult.args, language: 'de', latency: false })}</div>`);
    const mock = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    await mock.updateComplete;
    const book = mock.shadowRoot!.querySelector('contactpad-address-book')!;
    await book.updateComplete;
    expect(book.lang).to.equal('de');
    expect(book.dir).to.equal('ltr');
    expect(book.shadowRoot!.querySelector('input')!.placeholder).to.equal('Nach Name, Nummer oder E-Mail suchen');
  });

  it('labels the presence icons in the language', async () => {
    const gallery = page('presence-icon--gallery');
    const host = await fixture<HTMLDivElement>(html`<div>${gallery.render({ ...gallery.args, language: 'de' })}</div>`);
    expect(host.querySelector('ul')?.getAttribute('lang')).to.equal('de');
    const labels = [...host.querySelectorAll('.story-presence-label')].map((label) => label.textContent);
    expect(labels).to.include.members(['Verfügbar', 'Beschäftigt', 'Unbekannt']);
  });
});
