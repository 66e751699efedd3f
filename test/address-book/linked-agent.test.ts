/** A contact-centre agent linked to a Teams user shows one coherent presence and says who they are linked to. */
import { expect, waitUntil } from '@open-wc/testing';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { DEFAULT_PRESENCE_MAPPING, createPresenceMapping, type PresenceMapping } from '../../src/sync/vcc-mapping.js';
import { CountingAdapter, ENTRIES, openBook, optionNamed, presenceIcon, presenceLabel, recordErrors } from './fixtures.js';

const LINKED_AGENT: DirectoryEntry = { kind: 'vcc-agent', id: 'agent-anna', displayName: 'Anna (agent)', numbers: [], vccState: 'busy', linkedTeamsUserId: 'u-anna' };

describe('address book: an agent linked to a Teams user', () => {
  it('shows the VCC state, with the linked Teams presence in its label, and "Linked to" the Teams user', async () => {
    const adapter = new CountingAdapter([...ENTRIES, LINKED_AGENT]);
    adapter.presences.set('u-anna', { id: 'u-anna', availability: 'Busy', activity: 'InACall' });
    const book = await openBook(adapter);
    await waitUntil(() => presenceIcon(book, 'Anna Lindqvist')?.presence.state === 'busy', 'presence read');

    const row = optionNamed(book, 'Anna (agent)')!;
    expect(row.querySelector('[part="option-detail"]')!.textContent.trim()).to.equal('Linked to Anna Lindqvist');
    const icon = presenceIcon(book, 'Anna (agent)')!;
    expect(icon.presence.origin).to.equal('vcc');
    expect(icon.presence.state).to.equal('busy');
    expect(await presenceLabel(icon)).to.equal('Busy (Teams: Busy, In a call)');
    expect(adapter.presenceCalls.flat().filter((id) => id === 'u-anna')).to.have.length(1);
  });

  it('says "Linked to a Teams user" when that user is not listed, and shows the VCC state alone while the Teams presence is unknown', async () => {
    const adapter = new CountingAdapter([...ENTRIES, { ...LINKED_AGENT, linkedTeamsUserId: 'u-unlisted' }]);
    const book = await openBook(adapter);
    const row = optionNamed(book, 'Anna (agent)')!;
    expect(row.querySelector('[part="option-detail"]')!.textContent.trim()).to.equal('Linked to a Teams user');
    expect(await presenceLabel(presenceIcon(book, 'Anna (agent)')!)).to.equal('Busy');
  });
});

describe("address book: a host's VCC ⇄ Teams presence mapping", () => {
  const AWAY_AGENT: DirectoryEntry = { kind: 'vcc-agent', id: 'agent-bea', displayName: 'Bea (agent)', numbers: [], vccState: 'away' };
  const LUNCH_AGENT: DirectoryEntry = { kind: 'vcc-agent', id: 'agent-cy', displayName: 'Cy (agent)', numbers: [], vccState: 'extended-away', vccStateName: 'Lunch' };

  it("shows each agent's VCC state as the Teams availability the host's mapping publishes, custom states included", async () => {
    const book = await openBook(new CountingAdapter([...ENTRIES, AWAY_AGENT, LUNCH_AGENT]));
    // The defaults first: Away → Away, Extended away → Do not disturb.
    expect(presenceIcon(book, 'Bea (agent)')!.presence.state).to.equal('away');
    expect(presenceIcon(book, 'Cy (agent)')!.presence.state).to.equal('do-not-disturb');

    book.presenceMapping = createPresenceMapping({
      vccToTeams: { away: 'BeRightBack' },
      customStates: { Lunch: { kind: 'extended-away', teams: 'Offline' } },
    });
    await book.updateComplete;
    const bea = presenceIcon(book, 'Bea (agent)')!;
    await bea.updateComplete;
    expect(bea.presence.state).to.equal('be-right-back');
    expect(await presenceLabel(bea)).to.equal('Be right back');
    const cy = presenceIcon(book, 'Cy (agent)')!;
    expect(cy.presence.state).to.equal('offline');
    expect(cy.presence.detail).to.equal('Lunch');
  });

  it('shows the defaults, renders every row and reports it once, when presenceMapping is not a mapping createPresenceMapping made', async () => {
    const WRAP_AGENT: DirectoryEntry = { kind: 'vcc-agent', id: 'agent-dee', displayName: 'Dee (agent)', numbers: [], vccState: 'wrap' };
    const book = await openBook(new CountingAdapter([...ENTRIES, AWAY_AGENT, LUNCH_AGENT, WRAP_AGENT]));
    const errors = recordErrors(book);
    // The overrides passed instead of createPresenceMapping's result: no customStates, no tables.
    book.presenceMapping = { customStates: { Lunch: 'away' } } as unknown as PresenceMapping;
    await book.updateComplete;
    expect(errors.map((event) => event.detail.operation)).to.deep.equal(['presence-mapping']);
    expect(presenceIcon(book, 'Bea (agent)')!.presence.state).to.equal('away');
    expect(presenceIcon(book, 'Cy (agent)')!.presence.state).to.equal('do-not-disturb');

    // A hand-made copy that skipped the checks (an Available wrap): wrap stays Busy, the product's rule.
    book.presenceMapping = { ...DEFAULT_PRESENCE_MAPPING, vccToTeams: { ...DEFAULT_PRESENCE_MAPPING.vccToTeams, wrap: 'Available' } };
    await book.updateComplete;
    expect(presenceIcon(book, 'Dee (agent)')!.presence.state).to.equal('busy');
    expect(errors.map((event) => event.detail.operation)).to.deep.equal(['presence-mapping', 'presence-mapping']);

    // Back to a real mapping: no further error, and it applies.
    book.presenceMapping = createPresenceMapping({ vccToTeams: { away: 'BeRightBack' } });
    await book.updateComplete;
    expect(presenceIcon(book, 'Bea (agent)')!.presence.state).to.equal('be-right-back');
    expect(errors).to.have.length(2);
  });
});
