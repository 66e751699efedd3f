/**
 * The demo's tenant simulator drives the synchronisation model over the demo directory, and the address book beside
 * it shows a changed presence only after it is closed and reopened (presence is read when the book opens).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { ContactpadAddressBook, PresenceState } from '../../src/index.js';
import { createDemoDirectoryAdapter, createDemoTenant } from '../../src/demo-directory/index.js';
import * as embeddings from '../../demo/embeddings.js';
import { groupPages } from '../../demo/pages.js';
import type { DemoTenantSimulator } from '../../demo/tenant-simulator.js';
import '../../demo/tenant-simulator.js';

afterEach(() => fixtureCleanup());

async function renderSimulator(): Promise<DemoTenantSimulator> {
  // Its own tenant, so that pinned presences cannot leak into other tests.
  const demoAdapter = createDemoDirectoryAdapter({ tenant: createDemoTenant() });
  const simulator = await fixture<DemoTenantSimulator>(html`<demo-tenant-simulator .demoAdapter=${demoAdapter}></demo-tenant-simulator>`);
  await simulator.updateComplete;
  return simulator;
}

function button(simulator: DemoTenantSimulator, selector: string): HTMLButtonElement {
  const found = simulator.shadowRoot!.querySelector<HTMLButtonElement>(selector);
  if (!found) throw new Error(`no button ${selector}`);
  return found;
}

function buttonNamed(simulator: DemoTenantSimulator, name: string): HTMLButtonElement {
  const found = [...simulator.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent?.trim() === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

/** The presence icon state of the Teams user's row, or undefined while it has no row or no presence. */
function iconState(book: ContactpadAddressBook, teamsName: string): PresenceState | undefined {
  const rows = [...book.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"].kind-teams-user')];
  const row = rows.find((candidate) => candidate.querySelector('[part="option-name"]')?.textContent?.trim() === teamsName);
  return row?.querySelector('contactpad-presence-icon')?.presence.state;
}

/** Opens the book with the simulator's Open button and searches the name, so the row is in the rendered window. */
async function openAndSearch(simulator: DemoTenantSimulator, book: ContactpadAddressBook, name: string): Promise<void> {
  button(simulator, 'button[aria-controls="book"]').click();
  await waitUntil(() => book.open, 'the book opens');
  await book.updateComplete;
  await book.loadComplete;
  await book.updateComplete;
  const input = book.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = name;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await book.updateComplete;
}

describe('demo: tenant simulator', () => {
  it('is an Embeddings page', () => {
    const pages = groupPages([embeddings]).flatMap((group) => group.pages);
    expect(pages.map((page) => page.id)).to.include('embeddings--tenant-simulator');
  });

  it('shows a Teams call in the book only after it is reopened, and logs one inbound interaction', async () => {
    const simulator = await renderSimulator();
    const book = simulator.shadowRoot!.querySelector('contactpad-address-book')!;
    expect(book.maxAge).to.equal(0);
    const teamsName = simulator.shadowRoot!.querySelector('.teams-name')?.textContent?.trim() ?? '';
    expect(teamsName).to.not.equal('');

    // A known starting point: the Teams user is available.
    buttonNamed(simulator, 'Available').click();
    await simulator.updateComplete;

    await openAndSearch(simulator, book, teamsName);
    // The row shows `unknown` until the presence request answers.
    await waitUntil(() => iconState(book, teamsName) === 'available', 'the Teams user’s presence arrives', { timeout: 4000 });
    const before = iconState(book, teamsName);

    buttonNamed(simulator, 'In a call').click();
    await simulator.updateComplete;
    expect(simulator.shadowRoot!.querySelector('.teams-presence')!.textContent).to.include('InACall');
    expect(simulator.shadowRoot!.querySelector('.vcc-state')!.textContent).to.include('Busy');
    // The open book does not change: presence is read when it opens.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await book.updateComplete;
    expect(iconState(book, teamsName)).to.equal(before);

    // Close and reopen: the new presence is read.
    buttonNamed(simulator, 'Close').click();
    await waitUntil(() => !book.open, 'the book closes');
    await book.updateComplete;
    await openAndSearch(simulator, book, teamsName);
    await waitUntil(() => iconState(book, teamsName) === 'busy', 'the reopened book shows the Teams user busy', { timeout: 4000 });

    const interactions = [...simulator.shadowRoot!.querySelectorAll<HTMLElement>('.interactions li')];
    expect(interactions).to.have.length(1);
    expect(interactions[0]!.dataset.change).to.equal('created');
    expect(interactions[0]!.dataset.direction).to.equal('inbound');
    expect(interactions[0]!.textContent).to.include('inbound');
  });

  it('moves an agent through Ready → Busy → Wrap → Ready, keeping Teams busy in wrap', async () => {
    const simulator = await renderSimulator();
    const root = simulator.shadowRoot!;
    const click = async (selector: string): Promise<void> => {
      button(simulator, selector).click();
      await simulator.updateComplete;
    };
    // The Teams user starts from the demo clock's presence, which may be a call (wrap would then end in Busy):
    // pin a known one first, so the walk does not depend on the time of day.
    buttonNamed(simulator, 'Available').click();
    await simulator.updateComplete;
    await click('button[data-agent="ready"]');
    expect(root.querySelector('.vcc-state')!.textContent).to.include('Ready');
    await click('button[data-agent="busy"]');
    expect(root.querySelector('.vcc-state')!.textContent).to.include('Busy');
    expect(root.querySelector('.teams-presence')!.textContent).to.include('Busy');
    await click('button[data-agent="wrap"]');
    expect(root.querySelector('.vcc-state')!.textContent).to.include('Wrap');
    expect(root.querySelector('.teams-presence')!.textContent).to.include('Busy');
    await click('button[data-agent="ready"]');
    expect(root.querySelector('.vcc-state')!.textContent).to.include('Ready');
    expect(root.querySelector('.teams-presence')!.textContent).to.include('Available');
    // VCC interactions are VCC's own: the model records no Teams-call interaction for them.
    expect(root.querySelectorAll('.interactions li')).to.have.length(0);
    expect(root.querySelectorAll('.events li').length).to.be.greaterThan(0);
  });
});
