/** A contact-centre agent linked to a Teams user shows one coherent presence and says who they are linked to. */
import { expect, waitUntil } from '@open-wc/testing';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { CountingAdapter, ENTRIES, openBook, optionNamed, presenceIcon, presenceLabel } from './fixtures.js';

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
