/**
 * A source may need the agent to sign in (e.g. to Microsoft 365) before it can be read. That is not an error: the
 * book shows a Sign in button (not Retry) with the source's message, fires `contactpad-sign-in-required` once, and
 * the button calls the source's `signIn()` and then loads again. In a composite directory the other sources stay
 * listed meanwhile. A sign-in that fails (the popup was closed) keeps the button and is reported as an error.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { ContactpadSignInDetail } from '../../src/address-book/events.js';
import type { DirectoryAdapter } from '../../src/directory/adapter.js';
import { createCompositeDirectory } from '../../src/directory/composite-adapter.js';
import { SignInRequiredError } from '../../src/directory/errors.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  OUTBOUND_NAMES,
  optionNames,
  part,
  parts,
  partTexts,
  pause,
  record,
  recordErrors,
  renderBook,
  settle,
  watchUncaught,
} from './fixtures.js';

const TEAMS_ENTRIES = ENTRIES.filter((entry) => ['teams-user', 'auto-attendant', 'call-queue'].includes(entry.kind));
const VCC_ENTRIES = ENTRIES.filter((entry) => !TEAMS_ENTRIES.includes(entry));
const MESSAGE = 'Sign in to Microsoft 365';

/**
 * An adapter that needs a sign-in: its listing rejects with a SignInRequiredError whose `signIn` is a spy. A sign-in
 * that succeeds makes the listing succeed; `signInFailure` makes it reject instead (the agent closed the popup).
 */
function needsSignIn(adapter: CountingAdapter) {
  const spy = {
    calls: 0,
    signInFailure: undefined as Error | undefined,
    signIn: (): Promise<void> => {
      spy.calls++;
      if (spy.signInFailure !== undefined) return Promise.reject(spy.signInFailure);
      adapter.listFailure = undefined;
      return Promise.resolve();
    },
  };
  adapter.listFailure = new SignInRequiredError(MESSAGE, spy.signIn);
  return spy;
}

/** Opens a book on the adapter, recording its errors and sign-in requests from the start. */
async function openWatched(adapter: DirectoryAdapter) {
  const book = await renderBook(adapter);
  const errors = recordErrors(book);
  const signIns = record<ContactpadSignInDetail>(book, 'contactpad-sign-in-required');
  await book.show();
  await settle(book);
  return { book, errors, signIns };
}

function signInButton(book: ContactpadAddressBook): HTMLButtonElement {
  return part(book, 'sign-in-button') as HTMLButtonElement;
}

/** A contact centre source (knows the agent and the link) and a Microsoft Teams source that needs a sign-in. */
function twoSources() {
  const vcc = new CountingAdapter(VCC_ENTRIES, LINKED);
  const teams = new CountingAdapter(TEAMS_ENTRIES, { linkedTeamsUserId: null });
  const spy = needsSignIn(teams);
  const directory = createCompositeDirectory([
    { id: 'vcc', label: 'Contact centre', adapter: vcc },
    { id: 'teams', label: 'Microsoft Teams', adapter: teams },
  ]);
  return { vcc, teams, spy, directory };
}

describe('address book sign-in', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => {
    uncaught = watchUncaught();
  });
  afterEach(() => {
    uncaught.stop();
  });

  describe('an adapter that needs a sign-in', () => {
    it('shows a Sign in button with the message, and no Retry', async () => {
      const adapter = new CountingAdapter();
      needsSignIn(adapter);
      const { book } = await openWatched(adapter);

      expect(optionNames(book)).to.deep.equal([]);
      const button = signInButton(book);
      expect(button, 'a Sign in button').to.exist;
      expect(button.textContent.trim()).to.equal('Sign in');
      expect(partTexts(book, 'error')).to.have.length(1);
      expect(partTexts(book, 'error')[0]).to.contain(MESSAGE);
      expect(parts(book, 'retry-button'), 'a Retry button').to.have.length(0);
      expect(uncaught.problems).to.deep.equal([]);
    });

    it('fires contactpad-sign-in-required once, and no contactpad-error for it', async () => {
      const adapter = new CountingAdapter();
      needsSignIn(adapter);
      const { book, errors, signIns } = await openWatched(adapter);
      await book.updateComplete;
      await pause(50);

      expect(signIns.map((event) => event.detail)).to.deep.equal([{ message: MESSAGE }]);
      expect(errors.map((event) => event.detail.operation), 'contactpad-error').to.deep.equal([]);
    });

    it('calls signIn once from the button, then lists the entries', async () => {
      const adapter = new CountingAdapter();
      const spy = needsSignIn(adapter);
      const { book, errors, signIns } = await openWatched(adapter);
      expect(spy.calls, 'signed in before the agent asked').to.equal(0);

      signInButton(book).click();

      await waitUntil(() => optionNames(book).length === OUTBOUND_NAMES.length, 'the entries were not listed after signing in');
      await settle(book);
      expect(spy.calls).to.equal(1);
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      expect(parts(book, 'sign-in-button')).to.have.length(0);
      expect(partTexts(book, 'error')).to.deep.equal([]);
      expect(signIns, 'sign-in requests').to.have.length(1);
      expect(errors.map((event) => event.detail.operation), 'contactpad-error').to.deep.equal([]);
      expect(uncaught.problems).to.deep.equal([]);
    });
  });

  describe('a composite directory whose Teams source needs a sign-in', () => {
    it('keeps the contact centre entries listed and shows Sign in for the Teams source', async () => {
      const { directory } = twoSources();
      const { book, errors, signIns } = await openWatched(directory);
      await pause(50);

      expect(optionNames(book)).to.deep.equal(['Bob Agent', 'Facilities emergency']);
      expect(partTexts(book, 'error')).to.have.length(1);
      expect(partTexts(book, 'error')[0]).to.contain(MESSAGE);
      expect(parts(book, 'sign-in-button')).to.have.length(1);
      expect(parts(book, 'retry-button')).to.have.length(0);
      expect(signIns.map((event) => event.detail)).to.deep.equal([{ source: 'teams', message: MESSAGE }]);
      expect(errors.map((event) => event.detail.operation), 'contactpad-error').to.deep.equal([]);
    });

    it('lists the Teams entries after signing in', async () => {
      const { spy, directory } = twoSources();
      const { book } = await openWatched(directory);

      signInButton(book).click();

      await waitUntil(() => optionNames(book).includes('Anna Lindqvist'), 'the Teams entries were not listed after signing in');
      await settle(book);
      expect(spy.calls).to.equal(1);
      expect(optionNames(book)).to.deep.equal(OUTBOUND_NAMES);
      expect(parts(book, 'sign-in-button')).to.have.length(0);
      expect(partTexts(book, 'error')).to.deep.equal([]);
      expect(uncaught.problems).to.deep.equal([]);
    });

    it('keeps the button and reports a sign-in error when the sign-in fails (popup closed)', async () => {
      const { teams, spy, directory } = twoSources();
      const popupClosed = new Error('The popup was closed');
      spy.signInFailure = popupClosed;
      const { book, errors } = await openWatched(directory);
      const listCalls = teams.listCalls;

      signInButton(book).click();

      await waitUntil(() => errors.length > 0, 'no contactpad-error for the failed sign-in');
      await book.updateComplete;
      await pause(50);
      expect(spy.calls).to.equal(1);
      expect(errors.map((event) => ({ operation: event.detail.operation, message: event.detail.message }))).to.deep.equal([
        { operation: 'sign-in', message: 'Signing in failed.' },
      ]);
      expect(errors[0]!.detail.error === popupClosed, 'the sign-in error is passed on').to.equal(true);
      expect(parts(book, 'sign-in-button'), 'the Sign in button stays for another try').to.have.length(1);
      expect(optionNames(book)).to.deep.equal(['Bob Agent', 'Facilities emergency']);
      expect(teams.listCalls, 'no reload after a failed sign-in').to.equal(listCalls);

      // Another try that succeeds.
      spy.signInFailure = undefined;
      signInButton(book).click();
      await waitUntil(() => optionNames(book).includes('Anna Lindqvist'), 'the second try did not list the Teams entries');
      expect(spy.calls).to.equal(2);
    });
  });
});
