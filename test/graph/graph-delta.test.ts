/**
 * One round of `/users/delta` against the simulated tenant: a first round lists everyone and ends with a delta link;
 * the next round gives the users added and changed and the ones removed (with their reason); a token Graph no longer
 * accepts, expired (400 syncStateNotFound) or reset (410 Gone), asks for a first round again. docs/rules.md#graph-delta-query.
 */
import { expect } from '@open-wc/testing';
import { createGraphApi } from '../../src/graph/graph-client.js';
import { DeltaResyncRequiredError, firstDeltaPath, readDeltaRound } from '../../src/graph/graph-delta.js';
import { DEFAULT_RETRY_OPTIONS } from '../../src/graph/retry-policy.js';
import type { SimUserRecord } from '../../dev/simulated-tenant/types.js';
import { control } from '../support/simulator.js';
import { BASE_URL, reset } from './fixtures.js';

const api = createGraphApi({
  getAccessToken: () => Promise.resolve('test-token'),
  scopes: [],
  baseUrl: BASE_URL,
  version: 'v1.0',
  retry: DEFAULT_RETRY_OPTIONS,
});
const options = () => ({ signal: new AbortController().signal, readLimit: 100_000 });
const mutate = (body: unknown) => control<{ users: (SimUserRecord | null)[] }>('/mutate', body);

describe('a /users/delta round', () => {
  after(async () => {
    await reset({});
  });

  it('lists everyone in a first round, then only what changed, with removals and their reasons', async () => {
    const { counts } = await reset({ users: 1500, seed: 7, resourceAccounts: 6 });
    const pagesRead: number[] = [];
    const first = await readDeltaRound(api, firstDeltaPath(), { ...options(), onPage: (read) => pagesRead.push(read) });
    expect(first.changed.length).to.equal(counts.people + counts.resourceAccounts);
    expect(new Set(first.changed.map((user) => user.id)).size).to.equal(first.changed.length);
    expect(first.removed).to.deep.equal([]);
    expect(pagesRead).to.deep.equal([999, first.changed.length]);
    expect(first.deltaLink).to.contain('$deltatoken=');

    const [gone, binned, renumbered] = first.changed.filter((user) => user.department !== 'Microsoft Communication Application Instance');
    const { users: [added] } = await mutate([
      { op: 'add', user: { displayName: 'Ada Added', businessPhones: ['+1 425 555 0177'] } },
      { op: 'remove', id: gone!.id },
      { op: 'softDelete', id: binned!.id },
      { op: 'update', id: renumbered!.id, changes: { businessPhones: ['+1 425 555 0178'] } },
    ]);
    const next = await readDeltaRound(api, first.deltaLink, options());
    expect(next.changed.map((user) => [user.id, user.displayName, user.businessPhones]).sort()).to.deep.equal(
      [
        [added!.user.id, 'Ada Added', ['+1 425 555 0177']],
        [renumbered!.id, renumbered!.displayName, ['+1 425 555 0178']],
      ].sort(),
    );
    expect([...next.removed].sort((a, b) => a.id.localeCompare(b.id))).to.deep.equal(
      [
        { id: gone!.id, reason: 'deleted' },
        { id: binned!.id, reason: 'changed' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(next.deltaLink).to.not.equal(first.deltaLink);

    const quiet = await readDeltaRound(api, next.deltaLink, options());
    expect([quiet.changed.length, quiet.removed.length]).to.deep.equal([0, 0]);
  });

  for (const reason of ['expired', 'resync'] as const) {
    it(`asks for a first round again when Graph no longer accepts the token (${reason})`, async () => {
      await reset({ users: 200, seed: 7 });
      const first = await readDeltaRound(api, firstDeltaPath(), options());
      await control('/delta/expire', { reason });
      const error = await readDeltaRound(api, first.deltaLink, options()).catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(DeltaResyncRequiredError);
      const again = await readDeltaRound(api, firstDeltaPath(), options());
      expect(again.changed.length).to.equal(first.changed.length);
    });
  }

  it('refuses a delta link outside the API root', async () => {
    const error = await readDeltaRound(api, 'https://foreign.example/v1.0/users/delta?$deltatoken=x', options()).catch((caught: unknown) => caught);
    expect((error as Error).name).to.equal('GraphPagingError');
  });
});
