/**
 * The Graph adapter reports its progress after each `/users` page (the users read so far, of `@odata.count`), and the
 * book shows it while the simulated tenant is being read.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { SimLogEntry } from '../../dev/simulated-tenant/types.js';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import '../../src/address-book/address-book.js';
import type { ListProgress } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import { control } from '../support/simulator.js';
import { graph, reset } from './fixtures.js';

const usersRequests = async () => (await control<SimLogEntry[]>('/log')).filter((entry) => entry.endpoint === 'users');

describe('Graph adapter progress', () => {
  after(async () => {
    await reset({});
  });

  it('reports the users read after each page, of @odata.count', async () => {
    const { counts } = await reset({ users: 2500, seed: 42 });
    const total = counts.people + counts.resourceAccounts;
    const reports: ListProgress[] = [];

    const listing = await graph().adapter.listEntries({ signal: new AbortController().signal, onProgress: (progress) => reports.push({ ...progress }) });

    const pages = await usersRequests();
    expect(pages.map((entry) => entry.status)).to.deep.equal([200, 200, 200]);
    expect(reports, 'one report per page').to.deep.equal([
      { loaded: 999, total },
      { loaded: 1998, total },
      { loaded: total, total },
    ]);
    // Users without a number are read (and counted) but not listed.
    expect(listing.entries.length).to.be.below(total);
  });

  it('reports the resource accounts read when the tenant is too large to download', async () => {
    const { counts } = await reset({ users: 2500, seed: 42, resourceAccounts: 12 });
    const reports: ListProgress[] = [];

    const listing = await graph({ localLimit: 1000 }).adapter.listEntries({ signal: new AbortController().signal, onProgress: (progress) => reports.push({ ...progress }) });

    expect(listing.serverSearch).to.equal(true);
    expect(reports).to.deep.equal([{ loaded: counts.resourceAccounts, total: counts.resourceAccounts }]);
  });

  it('shows page by page in the book while the tenant is read, then the rows', async () => {
    const { counts } = await reset({ users: 2500, seed: 42 });
    const total = (counts.people + counts.resourceAccounts).toLocaleString('en');
    const adapter = createCompositeDirectory([{ id: 'teams', label: 'Microsoft Teams', adapter: graph().adapter }]);
    const book = await fixture<ContactpadAddressBook>(html`<contactpad-address-book lang="en" .adapter=${adapter}></contactpad-address-book>`);
    const shown: string[] = [];
    const observer = new MutationObserver(() => {
      const text = book.shadowRoot!.querySelector('[part="progress"]')?.getAttribute('aria-valuetext');
      if (text && text !== shown.at(-1)) shown.push(text);
    });
    observer.observe(book.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });

    await book.show();
    await book.loadComplete;
    await book.updateComplete;
    observer.disconnect();

    // The first page shows at once; later ones as the throttle allows, and only figures of a page.
    expect(shown[0]).to.equal(`Microsoft Teams: 999 of ${total} so far`);
    const pageTexts = [`Microsoft Teams: 999 of ${total} so far`, `Microsoft Teams: 1,998 of ${total} so far`, `Microsoft Teams: ${total} of ${total} so far`, `Microsoft Teams: ${total} loaded`];
    expect(shown.every((text) => pageTexts.includes(text)), shown.join(' | ')).to.equal(true);
    expect(book.shadowRoot!.querySelector('[part="progress"]'), 'no progress once loaded').to.equal(null);
    expect(book.shadowRoot!.querySelectorAll('[role="option"]').length).to.be.above(0);
  });
});
