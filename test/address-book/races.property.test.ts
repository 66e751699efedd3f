/**
 * Races, proven over random interleavings: random sequences of open, close, typing, clearing, mode and kind-filter
 * changes, keyboard and pointer picks, against an adapter whose every answer (listing, signed-in agent, presences)
 * resolves or fails when fast-check's scheduler releases it. The scheduler also releases the presence session's
 * coalescing timer, so later presence requests interleave with everything else, with no wall-clock waiting.
 *
 * A model kept beside the book says what it must show. Each presence answer carries a marker (its call number, in the
 * Graph status message), and the model applies an answer only when it arrives during the open that asked for it. After
 * every step:
 * - every Teams user's icon shows what the model says: a marker from the latest open that answered, never one that
 *   arrived after its open ended (presences of an earlier open stay until this open's answer replaces them);
 * - a closed book changes nothing: no presence, result count, banner or message moves while it is closed (a directory
 *   load that settles while it is closed may, by design: it warms the cache for the next open);
 * - no presence request is sent while closed, and each open asks for each Teams user at most once;
 * - a `contactpad-select` is only ever for an entry (or typed number) rendered at that moment, in an open book;
 * - no uncaught error and no unhandled rejection.
 */
import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import type { ContactpadAddressBook } from '../../src/address-book/address-book.js';
import type { ContactpadErrorDetail, ContactpadSelectDetail } from '../../src/address-book/events.js';
import { containsDeep, deepActiveElement } from '../../src/internal/focus.js';
import type { DirectoryAdapter, DirectoryListing, PresenceRecord, SignedInAgent } from '../../src/directory/adapter.js';
import type { BookMode } from '../../src/directory/dial-policy.js';
import type { DirectoryEntry } from '../../src/directory/entry.js';
import { PartialResultError } from '../../src/directory/errors.js';
import type { PresenceState } from '../../src/presence/presence.js';
import { COALESCE_MS } from '../../src/presence/presence-session.js';
import { nextTask, scheduleTimers } from '../support/scheduled-time.js';
import {
  CountingAdapter,
  ENTRIES,
  LINKED,
  ME,
  activeOption,
  input,
  manyContacts,
  numbers,
  openBook,
  optionNamed,
  optionNames,
  options,
  part,
  partTexts,
  press,
  recordSelects,
  reopen,
  typeQuery,
  untilAborted,
  watchUncaught,
} from './fixtures.js';

const NUM_RUNS = 300;

// ---------------------------------------------------------------------------------------------------------------
// The directory: tens of entries with unique names, so a rendered row names its entry.

interface DirectoryShape {
  readonly users: number;
  readonly contacts: number;
  readonly agents: number;
  readonly groups: number;
  readonly plans: number;
}

const directoryShape: fc.Arbitrary<DirectoryShape> = fc.record({
  // Often more rows than the first presence request covers (the rows in view and a margin), so scrolling and typing
  // bring in users asked for later in the same open.
  users: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 40 })),
  contacts: fc.integer({ min: 0, max: 8 }),
  agents: fc.integer({ min: 0, max: 6 }),
  groups: fc.integer({ min: 0, max: 4 }),
  plans: fc.integer({ min: 0, max: 3 }),
});

const two = (n: number) => String(n).padStart(2, '0');

/** Entries named "Teams user 01"…; every other one has two numbers (the number menu), agents link to users. */
function buildDirectory(shape: DirectoryShape): DirectoryEntry[] {
  const number = (block: number, n: number) => `+44 20 7946 ${block}${two(n)}`;
  const entries: DirectoryEntry[] = [
    { kind: 'teams-user', id: ME, displayName: 'Me Myself', numbers: numbers('+44 20 7946 0999') },
    { kind: 'vcc-agent', id: 'agent-me', displayName: 'Agent Me', numbers: [], vccState: 'ready', linkedTeamsUserId: ME },
  ];
  for (let i = 1; i <= shape.users; i++) {
    const extra = i % 2 === 0 ? [`+44 7700 900${two(i)}`] : [];
    entries.push({ kind: 'teams-user', id: `u-${two(i)}`, displayName: `Teams user ${two(i)}`, numbers: numbers(number(1, i), ...extra), department: 'Sales' });
  }
  for (let i = 1; i <= shape.contacts; i++) {
    const extra = i % 2 === 0 ? [`+44 161 496 0${two(i)}`] : [];
    entries.push({ kind: 'external-contact', id: `ext-${two(i)}`, displayName: `Contact ${two(i)}`, numbers: numbers(number(2, i), ...extra) });
  }
  for (let i = 1; i <= shape.agents; i++) {
    const linked = i <= shape.users && i % 2 === 1 ? { linkedTeamsUserId: `u-${two(i)}` } : {};
    entries.push({ kind: 'vcc-agent', id: `agent-${two(i)}`, displayName: `Agent ${two(i)}`, numbers: [], vccState: 'busy', ...linked });
  }
  for (let i = 1; i <= shape.groups; i++) {
    const groupNumbers = i % 2 === 0 ? numbers(number(3, i), number(4, i)) : [];
    entries.push({ kind: 'vcc-group', id: `group-${two(i)}`, displayName: `Group ${two(i)}`, numbers: groupNumbers });
  }
  for (let i = 1; i <= shape.plans; i++) entries.push({ kind: 'interaction-plan', id: `plan-${two(i)}`, displayName: `Plan ${two(i)}`, numbers: [] });
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// What the adapter answers: each call's outcome comes from a generated plan, its timing from the scheduler.

type Outcome = 'ok' | 'fail' | 'throw';
type PresenceOutcome = Outcome | 'partial' | 'garbage';

interface CallPlan<O extends string> {
  readonly outcome: O;
  /** Rejects as soon as the signal aborts (a well-behaved adapter), or ignores the signal (a sloppy one). */
  readonly honoursAbort: boolean;
}

interface PresencePlan extends CallPlan<PresenceOutcome> {
  /** Bit i set: the i-th asked id gets no record (shown Unknown). */
  readonly omit: number;
  readonly availability: number;
}

interface AdapterPlan {
  readonly list: readonly CallPlan<Outcome>[];
  readonly agent: readonly CallPlan<Outcome>[];
  readonly presence: readonly PresencePlan[];
  /** Whether each `contactpad-select` in turn is cancelled (the book stays open) or not (it closes). */
  readonly cancelSelect: readonly boolean[];
}

const AVAILABILITIES: readonly (readonly [string, PresenceState])[] = [
  ['Available', 'available'],
  ['Busy', 'busy'],
  ['Away', 'away'],
  ['DoNotDisturb', 'do-not-disturb'],
  ['Offline', 'offline'],
];

const loadPlan = fc.record({
  outcome: fc.oneof({ weight: 12, arbitrary: fc.constant<Outcome>('ok') }, { weight: 2, arbitrary: fc.constant<Outcome>('fail') }, { weight: 1, arbitrary: fc.constant<Outcome>('throw') }),
  honoursAbort: fc.boolean(),
});

const presencePlan: fc.Arbitrary<PresencePlan> = fc.record({
  outcome: fc.oneof(
    { weight: 6, arbitrary: fc.constant<PresenceOutcome>('ok') },
    { weight: 2, arbitrary: fc.constantFrom<PresenceOutcome>('fail', 'partial') },
    { weight: 1, arbitrary: fc.constantFrom<PresenceOutcome>('throw', 'garbage') },
  ),
  honoursAbort: fc.boolean(),
  omit: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }),
  availability: fc.nat({ max: AVAILABILITIES.length - 1 }),
});

const adapterPlan: fc.Arbitrary<AdapterPlan> = fc.record({
  list: fc.array(loadPlan, { minLength: 1, maxLength: 4 }),
  agent: fc.array(loadPlan, { minLength: 1, maxLength: 4 }),
  presence: fc.array(presencePlan, { minLength: 1, maxLength: 8 }),
  cancelSelect: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
});

const cycle = <T>(plans: readonly T[], n: number): T => plans[n % plans.length]!;

/** What the model says a Teams user's icon shows: a marker and state, or Unknown (`null`). */
type Shown = { readonly marker: string; readonly state: PresenceState } | null;

interface PresenceCall {
  readonly n: number;
  readonly ids: readonly string[];
  /** The open it was sent in. */
  readonly open: number;
}

interface AdapterHooks {
  onPresenceCall(n: number, ids: readonly string[]): PresenceCall;
  /** An answer reached the book (or was thrown at it): what each asked user must now show, if it counts. */
  onPresenceSettled(call: PresenceCall, shown: ReadonlyMap<string, Shown>): void;
  /** A listing or signed-in-agent answer reached the book. */
  onLoadSettled(): void;
}

class ScheduledAdapter implements DirectoryAdapter {
  private listCount = 0;
  private agentCount = 0;
  private presenceCount = 0;

  constructor(
    private readonly scheduler: fc.Scheduler,
    private readonly entries: readonly DirectoryEntry[],
    private readonly plan: AdapterPlan,
    private readonly hooks: AdapterHooks,
  ) {}

  listEntries({ signal }: { signal: AbortSignal }): Promise<DirectoryListing> {
    const n = this.listCount++;
    return this.answer(`listEntries#${n}`, cycle(this.plan.list, n), signal, () => ({ entries: this.entries }), () => this.hooks.onLoadSettled());
  }

  getSignedInAgent({ signal }: { signal: AbortSignal }): Promise<SignedInAgent> {
    const n = this.agentCount++;
    return this.answer(`getSignedInAgent#${n}`, cycle(this.plan.agent, n), signal, () => LINKED, () => this.hooks.onLoadSettled());
  }

  getPresences(ids: readonly string[], { signal }: { signal: AbortSignal }): Promise<readonly PresenceRecord[]> {
    const n = this.presenceCount++;
    const call = this.hooks.onPresenceCall(n, ids);
    const plan = cycle(this.plan.presence, n);
    const marker = `call-${n}`;
    const [availability, state] = AVAILABILITIES[plan.availability]!;
    const answered = ids.filter((_, i) => i >= 31 || (plan.omit & (1 << i)) === 0);
    const records: PresenceRecord[] = [
      ...answered.map((id) => ({ id, availability, activity: availability, statusMessage: { message: { content: marker } } })),
      // A record nobody asked for is ignored.
      { id: 'u-unasked', availability: 'Available', statusMessage: { message: { content: `${marker}-unasked` } } },
    ];
    const arrived = plan.outcome === 'ok' || plan.outcome === 'partial' ? new Set(answered) : new Set<string>();
    const shown = new Map<string, Shown>(ids.map((id) => [id, arrived.has(id) ? { marker, state } : null]));
    const settle = () => this.hooks.onPresenceSettled(call, shown);
    if (plan.outcome === 'partial') {
      return this.answer(`getPresences#${n}`, { outcome: 'fail', honoursAbort: plan.honoursAbort }, signal, () => records, settle, () => new PartialResultError('some presences failed', records));
    }
    if (plan.outcome === 'garbage') {
      return this.answer(`getPresences#${n}`, { outcome: 'ok', honoursAbort: plan.honoursAbort }, signal, () => ({ not: 'a list' }) as unknown as PresenceRecord[], settle);
    }
    return this.answer(`getPresences#${n}`, { outcome: plan.outcome, honoursAbort: plan.honoursAbort }, signal, () => records, settle);
  }

  /** Answers when the scheduler releases it; a `throw` plan throws synchronously, as host code may. */
  private answer<T>(label: string, plan: CallPlan<Outcome>, signal: AbortSignal, value: () => T, onSettled: () => void, error = () => new Error(`${label} failed`)): Promise<T> {
    if (plan.outcome === 'throw') {
      onSettled();
      throw new Error(`${label} threw`);
    }
    const settled = this.scheduler.schedule(Promise.resolve(), label).then(() => {
      onSettled();
      if (plan.outcome === 'fail') throw error();
      return value();
    });
    return plan.honoursAbort ? Promise.race([settled, untilAborted<T>(signal)]) : settled;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What the agent and the host do.

const QUERIES = ['teams', 'Teams user 1', 'Teams user 2', 'Teams user 3', 'contact', 'group', 'agent', 'a', 'u', '7946', '+44 20 7946 0101', '020 7946 1', 'zz', 'plan'];
const KEYS = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'Enter', 'Escape'] as const;

type Op =
  | { readonly type: 'open' }
  | { readonly type: 'close' }
  | { readonly type: 'reopen' }
  | { readonly type: 'step'; readonly count: number }
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'clear' }
  | { readonly type: 'mode'; readonly mode: BookMode }
  | { readonly type: 'kind'; readonly at: number }
  | { readonly type: 'key'; readonly key: (typeof KEYS)[number] }
  | { readonly type: 'click'; readonly at: number }
  | { readonly type: 'scroll'; readonly percent: number }
  | { readonly type: 'menu'; readonly at: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ type: fc.constant('step' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.constant({ type: 'open' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'close' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'reopen' as const }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('type' as const), text: fc.constantFrom(...QUERIES) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'clear' as const }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('mode' as const), mode: fc.constantFrom<BookMode>('outbound', 'consult') }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('kind' as const), at: fc.nat({ max: 7 }) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('key' as const), key: fc.constantFrom(...KEYS) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('click' as const), at: fc.nat({ max: 30 }) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('menu' as const), at: fc.nat({ max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('scroll' as const), percent: fc.integer({ min: 0, max: 100 }) }) },
);

const loadFirst = fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

// ---------------------------------------------------------------------------------------------------------------
// One run: a fresh book on a fresh adapter (so the shared directory cache is not shared between runs).

function optionName(option: Element): string {
  return option.querySelector('[part="option-name"]')?.textContent ?? '';
}

function presenceIcon(option: Element) {
  return option.querySelector('contactpad-presence-icon');
}

/** What a closed book must keep: result count, banners, messages, and the presence of each rendered row. */
interface Snapshot {
  readonly count: string;
  readonly banners: string;
  readonly presences: ReadonlyMap<string, string>;
  readonly loads: number;
}

class RaceRun {
  readonly book: ContactpadAddressBook;
  private readonly adapter: ScheduledAdapter;
  private readonly byName = new Map<string, DirectoryEntry>();
  private readonly container = document.createElement('div');
  private readonly uncaught = watchUncaught();
  private readonly restoreTimers: () => void;
  /** Which open the book is in (0: never opened), and whether it is open, as the agent and host made it. */
  private open = 0;
  private isOpen = false;
  private readonly shown = new Map<string, Shown>();
  private readonly calls: PresenceCall[] = [];
  private readonly violations: string[] = [];
  /** Presence failures reported, by open. */
  private readonly presenceErrors = new Map<number, number>();
  private loadsSettled = 0;
  private selects = 0;
  private shows = 0;
  private closedSnapshot: Snapshot | undefined;

  constructor(
    private readonly scheduler: fc.Scheduler,
    shape: DirectoryShape,
    private readonly plan: AdapterPlan,
  ) {
    this.restoreTimers = scheduleTimers(scheduler, [COALESCE_MS], (error) => this.violations.push(`a timer threw: ${String(error)}`));
    const entries = buildDirectory(shape);
    for (const entry of entries) this.byName.set(entry.displayName, entry);
    this.adapter = new ScheduledAdapter(scheduler, entries, plan, {
      onPresenceCall: (n, ids) => {
        const call = { n, ids: [...ids], open: this.open };
        if (!this.isOpen) this.violations.push(`getPresences#${n} was sent while the book was closed`);
        this.calls.push(call);
        return call;
      },
      onPresenceSettled: (call, shown) => {
        // Only an answer of the open in progress counts; one arriving after its open ended must change nothing.
        if (call.open !== this.open || !this.isOpen) return;
        for (const [id, value] of shown) this.shown.set(id, value);
      },
      onLoadSettled: () => {
        this.loadsSettled++;
      },
    });
    this.book = document.createElement('contactpad-address-book');
    this.book.adapter = this.adapter;
    this.book.consultToQueue = true;
    this.book.addEventListener('contactpad-select', (event) => this.onSelect(event));
    this.book.addEventListener('contactpad-error', (event) => this.onError(event));
    this.book.addEventListener('contactpad-show', () => this.shows++);
    this.container.append(this.book);
    document.body.append(this.container);
  }

  private onError(event: CustomEvent<ContactpadErrorDetail>): void {
    if (event.detail.operation !== 'get-presences') return;
    if (!this.isOpen) this.violations.push(`a presence failure was reported while closed: ${event.detail.message}`);
    this.presenceErrors.set(this.open, (this.presenceErrors.get(this.open) ?? 0) + 1);
  }

  private onSelect(event: CustomEvent<ContactpadSelectDetail>): void {
    const { entry, number } = event.detail;
    const rendered = options(this.book);
    if (!this.isOpen || !this.book.open) this.violations.push('contactpad-select from a closed book');
    if (entry === null) {
      const typed = rendered.some((option) => option.classList.contains('typed-number') && optionName(option).includes(number?.value ?? '\u0000'));
      if (!typed) this.violations.push(`contactpad-select for the typed number ${number?.value} with no typed-number row rendered`);
    } else {
      if (!rendered.some((option) => optionName(option) === entry.displayName)) {
        this.violations.push(`contactpad-select for "${entry.displayName}", not rendered (rendered: ${rendered.map(optionName).join(', ')})`);
      }
      if (number !== null && !entry.numbers.some((own) => own.digits === number.digits)) this.violations.push(`contactpad-select of ${number.value}, not a number of ${entry.displayName}`);
    }
    const cancel = cycle(this.plan.cancelSelect, this.selects++);
    if (cancel) event.preventDefault();
    // Not cancelled: the book closes (this very task), so this open is over.
    else this.isOpen = false;
  }

  async play(ops: readonly Op[]): Promise<void> {
    await this.book.updateComplete;
    for (const step of ops) {
      await this.do(step);
      await this.check(step.type);
    }
    // Whatever is still pending arrives, while open (if it is) and then closed.
    await this.drain('drain');
    if (this.isOpen) {
      await this.do({ type: 'close' });
      await this.check('close');
    }
    await this.drain('drain after close');
    // Rejections nobody handled are reported a task later.
    await nextTask();
    await nextTask();
    this.checkEnd();
  }

  private async drain(label: string): Promise<void> {
    while (this.scheduler.count() > 0) {
      await this.scheduler.waitNext(1);
      await this.check(label);
    }
  }

  private async do(step: Op): Promise<void> {
    const book = this.book;
    const root = book.shadowRoot!;
    switch (step.type) {
      case 'open':
        if (!this.isOpen) {
          this.open++;
          this.isOpen = true;
          this.closedSnapshot = undefined;
        }
        await book.show();
        return;
      case 'close':
        this.isOpen = false;
        await book.hide();
        return;
      case 'reopen':
        // Closed and opened again at once: whatever the last open asked for is still in flight.
        await this.do({ type: 'close' });
        await this.check('close');
        await this.do({ type: 'open' });
        return;
      case 'step':
        for (let i = 0; i < step.count && this.scheduler.count() > 0; i++) {
          await this.scheduler.waitNext(1);
          if (i < step.count - 1) await this.check('step');
        }
        return;
      case 'mode':
        // The host's doing (a call started or ended), possible while closed.
        book.mode = step.mode;
        await book.updateComplete;
        if (!this.isOpen) this.closedSnapshot = undefined;
        return;
      default:
        break;
    }
    // The agent's doing: only in an open book.
    if (!this.isOpen) return;
    switch (step.type) {
      case 'type':
      case 'clear': {
        const field = root.querySelector('input')!;
        field.focus();
        field.value = step.type === 'type' ? step.text : '';
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        break;
      }
      case 'kind': {
        const select = part(book, 'kind-filter') as HTMLSelectElement | null;
        if (!select) return;
        select.focus();
        const values = [...select.options].map((option) => option.value);
        select.value = values[step.at % values.length]!;
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        break;
      }
      case 'key': {
        // Keys go where focus is; focus outside the book (after a click on a row) makes them none of its business.
        const target = deepActiveElement();
        if (!target || !containsDeep(book, target)) return;
        target.dispatchEvent(new KeyboardEvent('keydown', { key: step.key, bubbles: true, composed: true, cancelable: true }));
        break;
      }
      case 'click': {
        const rendered = options(book);
        if (rendered.length === 0) return;
        const option = rendered[step.at % rendered.length]!;
        // A pointer press on a row (not focusable) takes focus from wherever it was.
        const active = deepActiveElement();
        if (active && !option.contains(active)) active.blur();
        option.click();
        break;
      }
      case 'scroll': {
        // The agent scrolls the list (the scroll event is sent now rather than at the next frame).
        const listbox = part(book, 'listbox')!;
        listbox.scrollTop = (step.percent / 100) * (listbox.scrollHeight - listbox.clientHeight);
        listbox.dispatchEvent(new Event('scroll'));
        break;
      }
      case 'menu': {
        const menu = root.querySelector('contactpad-number-menu');
        if (!menu?.open) return;
        const items = [...menu.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
        const item = items[step.at % Math.max(1, items.length)];
        if (!item) return;
        item.focus();
        item.click();
        break;
      }
    }
    // Escape, or a select not cancelled, closed the book itself.
    if (this.isOpen && !book.open) this.isOpen = false;
  }

  private snapshot(): Snapshot {
    const listbox = part(this.book, 'listbox');
    const presences = new Map<string, string>();
    for (const option of options(this.book)) presences.set(optionName(option), JSON.stringify(presenceIcon(option)?.presence ?? null));
    const status = this.book.shadowRoot!.querySelector('[role="status"]')?.textContent ?? '';
    const banners = ['hint', 'error', 'notice', 'message'].flatMap((name) => partTexts(this.book, name).map((text) => `${name}: ${text}`));
    return { count: listbox?.style.getPropertyValue('--_rows') ?? '', banners: [...banners, `status: ${status}`].join(' | '), presences, loads: this.loadsSettled };
  }

  private async check(after: string): Promise<void> {
    await nextTask();
    await this.book.updateComplete;
    const book = this.book;
    expect(this.violations.join('\n'), `after ${after}`).to.equal('');
    expect(book.open, `the book is ${book.open ? 'open' : 'closed'} after ${after}`).to.equal(this.isOpen);
    expect(this.shows, 'contactpad-show once per open').to.equal(this.open);
    // Every Teams user's icon shows what the model says.
    for (const option of options(book)) {
      const entry = this.byName.get(optionName(option));
      if (entry?.kind !== 'teams-user') continue;
      const presence = presenceIcon(option)!.presence;
      const expected = this.shown.get(entry.id) ?? null;
      const actual = { state: presence.state, marker: presence.detail ?? null };
      expect(actual, `${entry.displayName}'s presence after ${after} (open #${this.open})`).to.deep.equal(
        expected ? { state: expected.state, marker: expected.marker } : { state: 'unknown', marker: null },
      );
    }
    if (this.isOpen) return;
    // Closed: nothing changes but what a directory load settling now brings (it warms the cache for the next open).
    const now = this.snapshot();
    if (!this.closedSnapshot || this.closedSnapshot.loads !== now.loads) {
      this.closedSnapshot = now;
      return;
    }
    const before = this.closedSnapshot;
    expect(now.count, `result count changed in a closed book after ${after}`).to.equal(before.count);
    expect(now.banners, `banners changed in a closed book after ${after}`).to.equal(before.banners);
    for (const [name, presence] of now.presences) {
      if (before.presences.has(name)) expect(presence, `${name}'s presence changed in a closed book after ${after}`).to.equal(before.presences.get(name));
    }
  }

  private checkEnd(): void {
    // Each open asks for each Teams user at most once.
    const asked = new Map<number, Map<string, number>>();
    for (const call of this.calls) {
      const ids = asked.get(call.open) ?? new Map<string, number>();
      asked.set(call.open, ids);
      for (const id of call.ids) {
        expect(ids.has(id), `open #${call.open} asked for ${id} in getPresences#${ids.get(id)} and again in getPresences#${call.n}`).to.equal(false);
        ids.set(id, call.n);
      }
    }
    for (const [open, count] of this.presenceErrors) expect(count, `presence failures reported in open #${open}`).to.be.at.most(1);
    expect(this.uncaught.problems.map(String), 'uncaught errors or unhandled rejections').to.deep.equal([]);
  }

  async dispose(): Promise<void> {
    this.container.remove();
    await nextTask();
    this.uncaught.stop();
    this.restoreTimers();
  }
}

describe('address book races: regressions the properties found', () => {
  it('closes the number menu, with no select, when a mode change stops offering its entry', async () => {
    // Found by the property: [mode consult, load, type "group", click Group 02 (two numbers), mode outbound, menu pick]
    // chose Group 02, which outbound mode does not offer and the book no longer showed.
    const group: DirectoryEntry = { kind: 'vcc-group', id: 'group-02', displayName: 'Group 02', numbers: numbers('+44 20 7946 0302', '+44 20 7946 0402') };
    const book = await openBook(new CountingAdapter([...ENTRIES, group]), { mode: 'consult', consultToQueue: true });
    const selects = recordSelects(book);
    await typeQuery(book, 'group 02');
    await press(book, 'Enter');
    const menu = book.shadowRoot!.querySelector('contactpad-number-menu')!;
    await waitUntil(() => menu.open, 'the number menu did not open');

    book.mode = 'outbound';
    await book.updateComplete;

    expect(optionNames(book), 'outbound mode offers no group').to.not.include('Group 02');
    expect(menu.open, 'the menu of an entry no longer offered').to.equal(false);
    menu.shadowRoot!.querySelector<HTMLElement>('[part="item"]')?.click();
    expect(selects).to.have.length(0);
    expect(book.shadowRoot!.activeElement, 'focus back in the search field').to.equal(input(book));
  });


  it('closes the number menu when new results make another row the active one', async () => {
    // Found by the property: [open, load, click Teams user 06 (two numbers), mode consult, menu pick] chose Teams
    // user 06 with the menu anchored to the new first row and user 06's row not rendered.
    const book = await openBook(new CountingAdapter(), { consultToQueue: true });
    const selects = recordSelects(book);
    optionNamed(book, 'José Álvarez')!.click();
    const menu = book.shadowRoot!.querySelector('contactpad-number-menu')!;
    await waitUntil(() => menu.open, 'the number menu did not open');

    book.mode = 'consult';
    await book.updateComplete;

    expect(optionNames(book), 'consult mode with consult-to-queue adds groups and plans').to.include('Tier 1 support');
    expect(menu.open, 'the menu of a row that is no longer the active one').to.equal(false);
    menu.shadowRoot!.querySelector<HTMLElement>('[part="item"]')?.click();
    expect(selects).to.have.length(0);
  });

  it('makes the first row the active one again when the book reopens at the top of the list', async () => {
    // Found by the property: [open, load, PageDown, PageDown, close, open, Enter] chose Teams user 16, the active row
    // of the last open, which the reopened list (scrolled back to the top) did not render.
    const book = await openBook(new CountingAdapter(manyContacts(16)));
    const selects = recordSelects(book);
    await press(book, 'PageDown');
    await press(book, 'PageDown');
    expect(activeOption(book)?.querySelector('[part="option-name"]')?.textContent).to.equal('Contact 16');

    await reopen(book);

    // The list itself is back at the top (a closed book cannot be scrolled: it once reopened where it was left).
    expect(part(book, 'listbox')!.scrollTop, 'the list after reopening').to.equal(0);
    expect(activeOption(book)?.querySelector('[part="option-name"]')?.textContent, 'the active row after reopening').to.equal('Contact 01');
    await press(book, 'Enter');
    expect(selects.map((event) => event.detail.entry?.id)).to.deep.equal(['ext-01']);
  });

  it('closes the number menu when its row scrolls out of the list', async () => {
    // Found by the property: [open, load, click Teams user 03 (two numbers), scroll to 56 %, menu pick] chose Teams
    // user 03, whose row was no longer rendered (the menu was anchored to a removed element).
    const aaron: DirectoryEntry = { kind: 'external-contact', id: 'ext-aaron', displayName: 'Aaron Twonumbers', numbers: numbers('+44 20 7946 0301', '+44 20 7946 0302') };
    const book = await openBook(new CountingAdapter([aaron, ...manyContacts(40)]));
    const selects = recordSelects(book);
    optionNamed(book, 'Aaron Twonumbers')!.click();
    const menu = book.shadowRoot!.querySelector('contactpad-number-menu')!;
    await waitUntil(() => menu.open, 'the number menu did not open');

    const listbox = part(book, 'listbox')!;
    listbox.scrollTop = listbox.scrollHeight;
    await waitUntil(() => !optionNamed(book, 'Aaron Twonumbers'), 'the row did not scroll out of the list');
    await book.updateComplete;

    expect(menu.open, 'the menu of a row no longer in the list').to.equal(false);
    menu.shadowRoot!.querySelector<HTMLElement>('[part="item"]')?.click();
    expect(selects).to.have.length(0);
  });

  it('shows the active row, rather than choose it, on Enter when the list was scrolled away from it', async () => {
    // Found by the property: [open, load, scroll to 43 %, Enter] chose Teams user 01, the active row, which the
    // scrolled list no longer rendered.
    const book = await openBook(new CountingAdapter(manyContacts(40)));
    const selects = recordSelects(book);
    const listbox = part(book, 'listbox')!;
    listbox.scrollTop = listbox.scrollHeight;
    await waitUntil(() => !optionNamed(book, 'Contact 01'), 'the first row did not scroll out of the list');

    await press(book, 'Enter');
    expect(selects, 'nothing chosen unseen').to.have.length(0);
    await waitUntil(() => optionNamed(book, 'Contact 01'), 'Enter did not bring the active row back into the list');
    expect(activeOption(book)?.querySelector('[part="option-name"]')?.textContent).to.equal('Contact 01');

    await press(book, 'Enter');
    expect(selects.map((event) => event.detail.entry?.id)).to.deep.equal(['ext-01']);
  });
});

describe('address book races (property)', function () {
  // 200 interleavings of up to 30 steps each; the browser suite's 5 s per test is for example tests.
  this.timeout(120_000);

  it('shows presence only from the open that asked, changes nothing while closed, selects only what is shown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), directoryShape, adapterPlan, loadFirst, fc.array(op, { minLength: 1, maxLength: 40, size: 'max' }), async (scheduler, shape, plan, load, rest) => {
        // Every run opens the book; most let its directory load before anything else (a race needs something to race).
        const ops: Op[] = [{ type: 'open' }, ...(load ? [{ type: 'step' as const, count: 2 }] : []), ...rest];
        const run = new RaceRun(scheduler, shape, plan);
        try {
          await run.play(ops);
        } finally {
          await run.dispose();
        }
      }),
      { numRuns: NUM_RUNS, includeErrorInReport: true },
    );
  });
});
