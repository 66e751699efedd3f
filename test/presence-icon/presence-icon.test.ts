import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/presence-icon/presence-icon.js';
import type { ContactpadPresenceIcon } from '../../src/presence-icon/presence-icon.component.js';
import { MAX_STATUS_MESSAGE_LENGTH, PRESENCE_STATES, parsePresence, type Presence } from '../../src/presence/presence.js';
import { presenceFromVccState } from '../../src/sync/vcc-mapping.js';
import { DEFAULT_PRESENCE_STRINGS } from '../../src/presence-icon/presence-strings.js';
import { accessibleNode } from '../support/accessible-node.js';

// 14:05 local time, so the expected text does not depend on the machine's time zone.
const READ_AT = new Date(2026, 10, 25, 14, 5).getTime();

function base(el: ContactpadPresenceIcon): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
}

function tooltip(el: ContactpadPresenceIcon): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!;
}

function isShown(element: HTMLElement): boolean {
  const style = getComputedStyle(element);
  return !element.hidden && style.display !== 'none' && style.visibility !== 'hidden';
}

async function iconFor(presence: Presence): Promise<ContactpadPresenceIcon> {
  return fixture<ContactpadPresenceIcon>(html`<contactpad-presence-icon .presence=${presence}></contactpad-presence-icon>`);
}

/** The svg's markup without Lit's comment markers; with `withoutColour`, also without anything that could colour it. */
function shapeMarkup(el: ContactpadPresenceIcon, withoutColour: boolean): string {
  const svg = el.shadowRoot!.querySelector('svg')!.cloneNode(true) as SVGElement;
  if (withoutColour) {
    for (const node of [svg, ...svg.querySelectorAll('*')]) {
      for (const name of ['class', 'fill', 'stroke', 'style', 'color']) node.removeAttribute(name);
    }
  }
  return svg.outerHTML.replace(/<!--[^]*?-->/g, '');
}

describe('<contactpad-presence-icon>', () => {
  it('shows Unknown when given nothing (never "available" by default)', async () => {
    const el = await fixture<ContactpadPresenceIcon>(html`<contactpad-presence-icon></contactpad-presence-icon>`);
    expect(el.presence.state).to.equal('unknown');
    expect(base(el).getAttribute('role')).to.equal('img');
    expect(base(el).getAttribute('aria-label')).to.equal('Unknown');
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('names the presence in words, with its activity', async () => {
    const el = await iconFor(parsePresence({ availability: 'Busy', activity: 'InACall' }, READ_AT));
    expect(base(el).getAttribute('aria-label')).to.equal('Busy, In a call');
    await expect(el).to.be.accessible();
  });

  it('names a VCC presence with its state name', async () => {
    const el = await iconFor(presenceFromVccState('extended-away', 'Lunch', null));
    expect(base(el).getAttribute('aria-label')).to.equal('Do not disturb (Lunch)');
    await expect(el).to.be.accessible();
  });

  it('is accessible in every state, with the tooltip closed and open', async () => {
    for (const state of PRESENCE_STATES) {
      const el = await iconFor({ state, activity: null, origin: 'teams', readAt: READ_AT });
      expect(base(el).getAttribute('aria-label')).to.equal(DEFAULT_PRESENCE_STRINGS.states[state]);
      await expect(el).to.be.accessible();
      el.showTooltip();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });

  it('lets `label` override the accessible name', async () => {
    const el = await fixture<ContactpadPresenceIcon>(
      html`<contactpad-presence-icon availability="Away" label="Anna Berg is away"></contactpad-presence-icon>`,
    );
    expect(base(el).getAttribute('aria-label')).to.equal('Anna Berg is away');
    await expect(el).to.be.accessible();
  });

  // docs/rules.md#rows-spoken-name-then-presence: a row says its presence in its own words, once.
  it('says nothing to assistive technology when decorative, tooltip open or not', async () => {
    const row = await fixture<HTMLElement>(html`<div role="listbox" aria-label="People">
      <div role="option">Anna Berg<contactpad-presence-icon decorative availability="Busy"></contactpad-presence-icon></div>
    </div>`);
    const option = row.querySelector<HTMLElement>('[role="option"]')!;
    const el = row.querySelector<ContactpadPresenceIcon>('contactpad-presence-icon')!;
    el.presence = parsePresence({ availability: 'Busy', activity: 'InACall' }, READ_AT);
    await el.updateComplete;
    expect((await accessibleNode(option))!.name).to.equal('Anna Berg');

    el.showTooltip();
    await waitUntil(() => isShown(tooltip(el)), 'the tooltip did not show');
    expect((await accessibleNode(option))!.name).to.equal('Anna Berg');
  });

  it('draws each of the nine states with its own shape, not only its own colour', async () => {
    const withColour = new Map<string, string>();
    const withoutColour = new Map<string, string>();
    for (const state of PRESENCE_STATES) {
      const el = await iconFor({ state, activity: null, origin: 'teams', readAt: null });
      withColour.set(shapeMarkup(el, false), state);
      withoutColour.set(shapeMarkup(el, true), state);
    }
    expect(withColour.size).to.equal(9);
    expect(withoutColour.size, [...withoutColour.values()].join(', ')).to.equal(9);
  });

  it('colours states from the custom properties', async () => {
    const el = await fixture<ContactpadPresenceIcon>(
      html`<contactpad-presence-icon availability="Busy"></contactpad-presence-icon>`,
    );
    el.style.setProperty('--contactpad-presence-busy', 'rgb(1, 2, 3)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.disc')!).fill).to.equal('rgb(1, 2, 3)');
    expect(el.getBoundingClientRect().width).to.equal(16);
  });

  it('parses the availability and activity attributes in any casing', async () => {
    const el = await fixture<ContactpadPresenceIcon>(
      html`<contactpad-presence-icon availability="doNotDisturb" activity="PRESENTING"></contactpad-presence-icon>`,
    );
    expect(el.presence.state).to.equal('do-not-disturb');
    expect(base(el).getAttribute('aria-label')).to.equal('Do not disturb, Presenting');
    el.setAttribute('availability', 'available');
    el.removeAttribute('activity');
    await el.updateComplete;
    expect(base(el).getAttribute('aria-label')).to.equal('Available');
  });

  it('shows Unknown for a garbage availability attribute', async () => {
    for (const availability of ['Focusing', '', '42', '<b>Busy</b>']) {
      const el = await fixture<ContactpadPresenceIcon>(
        html`<contactpad-presence-icon availability=${availability}></contactpad-presence-icon>`,
      );
      expect(el.presence.state, availability).to.equal('unknown');
      expect(base(el).getAttribute('aria-label')).to.equal('Unknown');
    }
  });

  it('prefers the presence property to the attributes, and falls back to them when it is cleared', async () => {
    const busy = parsePresence({ availability: 'Busy' }, READ_AT);
    const el = await fixture<ContactpadPresenceIcon>(
      html`<contactpad-presence-icon availability="Available" .presence=${busy}></contactpad-presence-icon>`,
    );
    expect(base(el).getAttribute('aria-label')).to.equal('Busy');
    el.presence = null;
    await el.updateComplete;
    expect(base(el).getAttribute('aria-label')).to.equal('Available');
  });

  it('shows Unknown for a malformed presence property', async () => {
    const el = await fixture<ContactpadPresenceIcon>(
      html`<contactpad-presence-icon availability="Busy"></contactpad-presence-icon>`,
    );
    const malformed: unknown[] = [
      'busy',
      42,
      {},
      { state: 'busy', activity: null, origin: 'teams' },
      { state: 'free', activity: null, origin: 'teams', readAt: null },
    ];
    for (const value of malformed) {
      el.presence = value as Presence;
      await el.updateComplete;
      expect(el.presence.state).to.equal('unknown');
      expect(base(el).getAttribute('aria-label')).to.equal('Unknown');
      expect(tooltip(el).textContent).not.to.contain('Read at');
    }
  });

  it('uses the strings it is given', async () => {
    const el = await iconFor(parsePresence({ availability: 'Busy' }, READ_AT));
    el.strings = {
      ...DEFAULT_PRESENCE_STRINGS,
      states: { ...DEFAULT_PRESENCE_STRINGS.states, busy: 'Beschäftigt' },
      readAt: (time) => `Gelesen um ${time}`,
    };
    await el.updateComplete;
    expect(base(el).getAttribute('aria-label')).to.equal('Beschäftigt');
    expect(tooltip(el).textContent).to.contain('Gelesen um');
  });

  describe('tooltip', () => {
    it('shows on hover with the state, activity and read time, and hides on leave', async () => {
      const presence = parsePresence({ availability: 'Busy', activity: 'InAMeeting' }, READ_AT);
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en-GB"><contactpad-presence-icon .presence=${presence}></contactpad-presence-icon></div>`,
      );
      // Room above the icon, where the tooltip prefers to go.
      wrapper.style.padding = '60px';
      const el = wrapper.querySelector('contactpad-presence-icon')!;
      const tip = tooltip(el);
      expect(tip.getAttribute('role')).to.equal('tooltip');
      expect(isShown(tip)).to.equal(false);

      el.dispatchEvent(new PointerEvent('pointerenter'));
      await waitUntil(() => isShown(tip), 'tooltip did not show');
      expect(tip.textContent.replace(/\s+/g, ' ').trim()).to.equal('Busy In a meeting Read at 14:05');
      // Placed above the icon, by CSSOM.
      expect(tip.getBoundingClientRect().bottom).to.be.at.most(el.getBoundingClientRect().top);
      expect(tip.getAttribute('style')).to.contain('left:');

      el.dispatchEvent(new PointerEvent('pointerleave'));
      await waitUntil(() => !isShown(tip), 'tooltip did not hide');
    });

    /** Whether a box lies wholly inside the viewport. */
    const onScreen = (box: DOMRect) => box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;

    // docs/rules.md#presence-texts-clamped
    it('keeps the tooltip of a 100,000-character status message on screen, its text clamped', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="position: fixed; top: 40%; left: 40%"><contactpad-presence-icon></contactpad-presence-icon></div>`);
      const el = wrapper.querySelector('contactpad-presence-icon')!;
      el.presence = parsePresence({ availability: 'Away', statusMessage: { message: { content: 'Back soon. '.repeat(10_000) } } }, READ_AT);
      el.showTooltip();
      await waitUntil(() => isShown(tooltip(el)) && tooltip(el).style.visibility !== 'hidden', 'tooltip did not show');
      const detail = tooltip(el).querySelector('.tooltip__detail')!;
      expect(detail.textContent.length).to.be.at.most(MAX_STATUS_MESSAGE_LENGTH);
      expect(onScreen(tooltip(el).getBoundingClientRect()), 'the tooltip is on screen').to.equal(true);
    });

    it("keeps the tooltip of a host's presence with a 100,000-character detail on screen, its read time shown", async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="position: fixed; top: 40%; left: 40%"><contactpad-presence-icon></contactpad-presence-icon></div>`);
      const el = wrapper.querySelector('contactpad-presence-icon')!;
      el.presence = { state: 'away', activity: null, origin: 'teams', readAt: READ_AT, detail: 'Back soon. '.repeat(10_000) };
      el.showTooltip();
      await waitUntil(() => isShown(tooltip(el)) && tooltip(el).style.visibility !== 'hidden', 'tooltip did not show');
      const box = tooltip(el).getBoundingClientRect();
      expect(onScreen(box), 'the tooltip is on screen').to.equal(true);
      const readAt = tooltip(el).querySelector('.tooltip__read-at')!.getBoundingClientRect();
      expect(readAt.height, 'the read time is drawn').to.be.greaterThan(0);
      expect(readAt.bottom, 'the read time is inside the tooltip').to.be.at.most(box.bottom + 0.5);
    });

    it('stays while the pointer moves from the icon onto the tooltip', async () => {
      const el = await iconFor(parsePresence({ availability: 'Away' }, READ_AT));
      el.dispatchEvent(new PointerEvent('pointerenter'));
      await waitUntil(() => isShown(tooltip(el)));
      el.dispatchEvent(new PointerEvent('pointerleave'));
      el.dispatchEvent(new PointerEvent('pointerenter'));
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(isShown(tooltip(el))).to.equal(true);
    });

    it('formats the read time for the nearest lang, and leaves it out when never read', async () => {
      const presence = parsePresence({ availability: 'Away' }, READ_AT);
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en-US"><contactpad-presence-icon .presence=${presence}></contactpad-presence-icon></div>`,
      );
      const el = wrapper.querySelector('contactpad-presence-icon')!;
      expect(tooltip(el).textContent).to.match(/Read at 02:05\sPM/);
      expect(base(el).getAttribute('aria-describedby')).to.equal('read-at');

      el.presence = parsePresence({ availability: 'Away' }, null);
      await el.updateComplete;
      expect(tooltip(el).textContent).not.to.contain('Read at');
      expect(base(el).hasAttribute('aria-describedby')).to.equal(false);
    });

    it('shows on focus within and hides on blur', async () => {
      const el = await fixture<ContactpadPresenceIcon>(
        html`<contactpad-presence-icon tabindex="0" availability="Offline"></contactpad-presence-icon>`,
      );
      el.focus();
      await waitUntil(() => isShown(tooltip(el)), 'tooltip did not show on focus');
      expect(tooltip(el).textContent).to.contain('Offline');
      el.blur();
      await waitUntil(() => !isShown(tooltip(el)), 'tooltip did not hide on blur');
    });

    it('hides on Escape', async () => {
      const el = await iconFor(parsePresence({ availability: 'Busy' }, READ_AT));
      el.dispatchEvent(new PointerEvent('pointerenter'));
      await waitUntil(() => isShown(tooltip(el)));
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await waitUntil(() => !isShown(tooltip(el)), 'tooltip did not hide on Escape');
    });

    it('closes when the icon is removed', async () => {
      const el = await iconFor(parsePresence({ availability: 'Busy' }, READ_AT));
      el.dispatchEvent(new PointerEvent('pointerenter'));
      await waitUntil(() => isShown(tooltip(el)));
      el.remove();
      await el.updateComplete;
      expect(tooltip(el).hidden).to.equal(true);
    });
  });
});
