/**
 * `contactpad-error`'s `message` is the book's own sentence for the operation (with the HTTP status when known),
 * never what a server or a parser said; `error` keeps the raw value for developers. The agent sees only the book's
 * strings. docs/rules.md#error-messages-are-ours.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { DirectoryAdapter } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import { createMemoryDirectory } from '../../src/directory/memory-adapter.js';
import { errorDetail } from '../../src/address-book/events.js';
import { CountingAdapter, ENTRIES, LINKED, partTexts, shadow, openWatched } from './fixtures.js';

/** What a proxy, a server or a JSON parser may put in an error's message. */
const JUNK = '<html><body>Proxy error at https://graph.example/v1.0/users?access_token=eyJ0eXAi.secret</body></html>';
const PARSER = 'Unexpected token < in JSON at position 0';

const serverError = (message: string, statusCode?: number) => Object.assign(new Error(message), statusCode === undefined ? {} : { statusCode });

describe('error event messages', () => {
  it('says what failed in its own words when the adapter rejects with server junk; error keeps the raw value', async () => {
    const raw = serverError(JUNK);
    const adapter: DirectoryAdapter = { listEntries: () => Promise.reject(raw), getSignedInAgent: () => Promise.resolve(LINKED) };
    const { book, errors } = await openWatched(adapter);

    expect(errors).to.have.length(1);
    const { message, error } = errors[0]!.detail;
    expect(message).to.equal('The directory could not be listed.');
    expect(error).to.equal(raw);
    expect(shadow(book).textContent, 'the agent never sees it').not.to.contain('Proxy error');
  });

  it('names the failed source and the HTTP status, never the server’s text', async () => {
    const failing = new CountingAdapter(ENTRIES.filter((entry) => entry.kind === 'teams-user'), LINKED);
    failing.listFailure = serverError(JUNK, 503);
    const { errors } = await openWatched(createCompositeDirectory([
      { id: 'vcc', label: 'Contact centre', adapter: createMemoryDirectory({ entries: ENTRIES.filter((entry) => entry.kind === 'vcc-agent') }) },
      { id: 'teams', label: 'Microsoft Teams', adapter: failing },
    ]));

    expect(errors.map((event) => [event.detail.source, event.detail.message])).to.deep.equal([['teams', 'Microsoft Teams could not be listed. (HTTP 503)']]);
    expect(errors[0]!.detail.error).to.equal(failing.listFailure);
  });

  it('keeps parser internals out of a presence failure', async () => {
    const adapter = new CountingAdapter(ENTRIES, LINKED);
    const raw = new SyntaxError(PARSER);
    adapter.getPresences = () => Promise.reject(raw);
    const { book, errors } = await openWatched(adapter);
    await waitUntil(() => errors.length > 0, 'the presence failure is reported');

    expect(errors.map((event) => [event.detail.operation, event.detail.message])).to.deep.equal([['get-presences', 'Presence could not be read.']]);
    expect(errors[0]!.detail.error).to.equal(raw);
    expect(partTexts(book, 'notice').join(' ')).not.to.contain('JSON');
  });

  it('has a fixed sentence for every operation', () => {
    const operations = ['list-entries', 'get-presences', 'search-entries', 'signed-in-agent', 'invalid-entries', 'sign-in', 'presence-mapping'] as const;
    for (const operation of operations) {
      const { message } = errorDetail(operation, serverError(`${JUNK} ${PARSER}`, 500));
      expect(message, operation).to.match(/^[A-Z][^<>]*\. \(HTTP 500\)$/);
      expect(message, operation).not.to.contain('Proxy');
      expect(message, operation).not.to.contain('JSON');
    }
  });
});
