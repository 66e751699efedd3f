/**
 * `@odata.nextLink` guard: a link is followed only when it parses as a URL under the API root (same origin, path
 * under the root) and what is left of it is a plain relative path, so the token never leaves Graph's host.
 * docs/rules.md#graph-users-listing. And the presence answer's shape is checked: docs/rules.md#graph-answers-checked.
 */
import { expect } from '@open-wc/testing';
import { createGraphApi, type GraphApi } from '../../src/graph/graph-client.js';
import { pages } from '../../src/graph/graph-pages.js';
import { fetchPresences } from '../../src/graph/graph-presence.js';
import { DEFAULT_RETRY_OPTIONS } from '../../src/graph/retry-policy.js';
import { isPartialResult } from '../../src/directory/errors.js';

const ROOT = 'https://graph.microsoft.com/v1.0/';

const api = createGraphApi({
  getAccessToken: () => Promise.resolve('token'),
  scopes: [],
  baseUrl: 'https://graph.microsoft.com',
  version: 'v1.0',
  retry: DEFAULT_RETRY_OPTIONS,
});

/** A GraphApi that answers each path from a table and remembers what was asked. */
function answering(answers: Record<string, unknown>): GraphApi & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    get: <T>(path: string) => {
      asked.push(path);
      return Promise.resolve(answers[path] as T);
    },
    post: <T>(path: string, body: unknown) => {
      asked.push(path);
      return Promise.resolve(answers[JSON.stringify(body)] as T);
    },
    relativePath: (link) => api.relativePath(link),
  };
}

describe('next-link guard', () => {
  it('follows a link under the API root as a relative path', () => {
    expect(api.relativePath(`${ROOT}users?$skiptoken=X1`)).to.equal('users?$skiptoken=X1');
    expect(api.relativePath('https://GRAPH.microsoft.com:443/v1.0/users?$top=999')).to.equal('users?$top=999');
  });

  it('refuses a foreign URL glued to the root, and every other way out of it', () => {
    const refused = [
      `${ROOT}https://foreign.example/v1.0/users`,
      `${ROOT}HTTPS://foreign.example/v1.0/users`,
      `${ROOT}//foreign.example/users`,
      `${ROOT}\\\\foreign.example/users`,
      `${ROOT}users?$filter=mail eq 'https://foreign.example/x'`,
      `${ROOT}../beta/users`,
      `${ROOT}users/%2e%2e/%2e%2e/beta/users`,
      'https://graph.microsoft.com.foreign.example/v1.0/users',
      'https://graph.microsoft.com@foreign.example/v1.0/users',
      'https://agent:secret@graph.microsoft.com/v1.0/users',
      'https://graph.microsoft.com:8443/v1.0/users',
      'http://graph.microsoft.com/v1.0/users',
      'https://graph.microsoft.com/v1.0users',
      'https://graph.microsoft.com/beta/users',
      '/v1.0/users',
      'not a url',
    ];
    for (const link of refused) expect(api.relativePath(link), link).to.equal(undefined);
  });

  it('stops paging at a link that leaves the root, without asking for it', async () => {
    const graph = answering({
      'users?$top=2': { value: [{ id: 'a' }], '@odata.nextLink': `${ROOT}https://foreign.example/v1.0/users` },
    });
    const read: unknown[] = [];
    const stopped = await (async () => {
      for await (const page of pages(graph, 'users?$top=2', { signal: new AbortController().signal, readLimit: 100 })) read.push(...page.value);
    })().then(() => 'ended', (error: Error) => error.name);

    expect(stopped).to.equal('GraphPagingError');
    expect(read).to.deep.equal([{ id: 'a' }]);
    expect(graph.asked).to.deep.equal(['users?$top=2']);
  });
});

describe('presence answers', () => {
  const signal = () => new AbortController().signal;

  it('fails a presence answer that is not a page', async () => {
    const graph = answering({ [JSON.stringify({ ids: ['a'] })]: { presences: [] } });
    const outcome = await fetchPresences(graph, ['a'], { signal: signal(), concurrency: 1 }).then(() => 'read', (error: Error) => error.name);
    expect(outcome).to.equal('NotAGraphAnswerError');
  });

  it('keeps the well-formed records of an answer with malformed ones, and says part failed', async () => {
    const good = { id: 'a', availability: 'Busy', activity: 'InACall' };
    const graph = answering({ [JSON.stringify({ ids: ['a', 'b'] })]: { value: [good, { availability: 'Available' }, 42] } });
    const error = await fetchPresences(graph, ['a', 'b'], { signal: signal(), concurrency: 1 }).then(() => undefined, (reason: unknown) => reason);
    expect(isPartialResult(error), 'a partial result').to.equal(true);
    expect((error as { partial: unknown }).partial).to.deep.equal([good]);
  });
});
