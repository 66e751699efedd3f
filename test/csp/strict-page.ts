/**
 * The driver of the strict-CSP page (served by scripts/csp-test-page.mjs with the policy of issue 7 as a header). It
 * uses the library as a host would, from its public entry: a book over an in-memory directory of Teams users with
 * several numbers and presences. It opens the book, shows a presence tooltip (floating-ui, a lazy chunk), searches,
 * picks a number from an entry's number menu and so closes the book. Then it reports every CSP violation the page saw
 * (listen.ts recorded them from the start) and what it did and saw, to the test in the parent page.
 *
 * A deliberate Trusted Types violation at the very end (the canary) shows the listener works, and, since violations
 * are reported in order, that every violation before it has arrived: no waiting for time to pass.
 */
import { createMemoryDirectory, toPhoneNumber, type ContactpadAddressBook, type DirectoryEntry, type PresenceRecord } from '../../src/index.js';
import type { ContactpadNumberMenu } from '../../src/number-menu/number-menu.js';
import type { ContactpadSelectDetail } from '../../src/address-book/events.js';
import type { ContactpadPresenceIcon } from '../../src/presence-icon/presence-icon.js';
import type { CspReport, CspSteps, CspViolation } from './report.js';

const CANARY_POLICY = 'contactpad-csp-canary';

const ddi = (value: string) => toPhoneNumber(value, 'ddi')!;
const mobile = (value: string) => toPhoneNumber(value, 'mobile')!;

const ENTRIES: DirectoryEntry[] = [
  { kind: 'teams-user', id: 'u-jose', displayName: 'José Álvarez', numbers: [ddi('+34 91 123 4567'), mobile('+34 600 123 456')], department: 'Finance' },
  { kind: 'teams-user', id: 'u-zoe', displayName: 'Zoë Müller', numbers: [ddi('+49 30 901820'), mobile('+49 151 2345 6789')], jobTitle: 'Engineer' },
  { kind: 'teams-user', id: 'u-anna', displayName: 'Anna Lindqvist', numbers: [ddi('+44 20 7946 0001')], mail: 'anna@contoso.example' },
  { kind: 'teams-user', id: 'u-ingrid', displayName: 'Ingrid Sørensen', numbers: [ddi('+45 32 12 34 56'), mobile('+45 20 12 34 56')] },
  { kind: 'auto-attendant', id: 'aa-main', displayName: 'Main reception', numbers: [ddi('+44 20 7946 0100')] },
  { kind: 'vcc-agent', id: 'agent-bob', displayName: 'Bob Agent', numbers: [], vccState: 'busy' },
];

const PRESENCES = new Map<string, PresenceRecord>([
  ['u-jose', { id: 'u-jose', availability: 'Busy', activity: 'InACall' }],
  ['u-zoe', { id: 'u-zoe', availability: 'Away', activity: 'Away' }],
  ['u-anna', { id: 'u-anna', availability: 'Available', activity: 'Available' }],
  ['u-ingrid', { id: 'u-ingrid', availability: 'DoNotDisturb', activity: 'Presenting' }],
]);

/** Waits (a frame at a time, at most `frames`) until `condition` holds; throws `what` if it never does. */
async function waitFor(condition: () => boolean, what: string, frames = 600): Promise<void> {
  for (let frame = 0; !condition(); frame++) {
    if (frame === frames) throw new Error(`Never happened: ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function key(target: EventTarget, name: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
}

async function drive(book: ContactpadAddressBook, steps: Partial<{ -readonly [K in keyof CspSteps]: CspSteps[K] }>): Promise<void> {
  const root = book.shadowRoot!;
  const selects: ContactpadSelectDetail[] = [];
  book.addEventListener('contactpad-select', (event) => selects.push(event.detail));
  const optionNames = () => [...root.querySelectorAll('[role="option"] [part="option-name"]')].map(text);

  // Open.
  await book.show();
  await book.loadComplete;
  await waitFor(() => optionNames().length > 0, 'rows shown after opening');
  steps.rowsShown = optionNames().length;

  // Hover a presence icon: its tooltip opens and floating-ui (loaded on first use) places it.
  const joseIcon = () => [...root.querySelectorAll('[role="option"]')].find((option) => text(option.querySelector('[part="option-name"]')) === 'José Álvarez')
    ?.querySelector<ContactpadPresenceIcon>('contactpad-presence-icon');
  await waitFor(() => joseIcon()?.presence.state === 'busy', 'José’s presence shown');
  const icon = joseIcon()!;
  icon.dispatchEvent(new PointerEvent('pointerenter'));
  const tooltip = () => icon.shadowRoot!.querySelector<HTMLElement>('[role="tooltip"]')!;
  await waitFor(() => tooltip().hidden === false, 'the tooltip shown');
  steps.tooltipShown = true;
  await waitFor(() => tooltip().style.left !== '' && tooltip().style.visibility === '', 'the tooltip placed by floating-ui');
  steps.tooltipPositioned = true;
  steps.tooltipText = text(tooltip());
  icon.dispatchEvent(new PointerEvent('pointerleave'));
  key(document, 'Escape');
  await waitFor(() => tooltip().hidden === true, 'the tooltip hidden on Escape');

  // Search.
  const input = root.querySelector('input')!;
  input.focus();
  input.value = 'jose';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  steps.query = 'jose';
  await waitFor(() => book.query === 'jose' && optionNames().join() === 'José Álvarez', 'the rows for "jose"');
  steps.rowsForQuery = optionNames();

  // Enter on an entry with two numbers opens its number menu, placed by floating-ui, focus on the first number.
  key(input, 'Enter');
  const menu = root.querySelector<ContactpadNumberMenu>('contactpad-number-menu')!;
  const focusedItem = () => {
    const active = menu.shadowRoot?.activeElement;
    return active instanceof HTMLElement && active.getAttribute('role') === 'menuitem' ? active : null;
  };
  await waitFor(() => menu.open && focusedItem() !== null, 'the number menu open with focus on a number');
  steps.menuShown = true;
  steps.menuItems = [...menu.shadowRoot!.querySelectorAll('[role="menuitem"]')].map(text);
  await waitFor(() => menu.style.left !== '' && menu.style.top !== '', 'the number menu placed by floating-ui');
  steps.menuPositioned = true;

  // ArrowDown + Enter picks the second number; the book closes.
  key(focusedItem()!, 'ArrowDown');
  await waitFor(() => focusedItem() === menu.shadowRoot!.querySelectorAll('[role="menuitem"]')[1], 'focus on the second number');
  key(focusedItem()!, 'Enter');
  await waitFor(() => selects.length === 1, 'contactpad-select');
  steps.selectedEntryId = selects[0]!.entry?.id ?? null;
  steps.selectedNumber = selects[0]!.number?.value ?? null;
  await waitFor(() => !book.open, 'the book closed');
  steps.closed = true;
}

/** Breaks the policy on purpose (a Trusted Types policy it does not allow) and waits until that violation arrives. */
async function canary(violations: readonly CspViolation[]): Promise<number> {
  const before = violations.length;
  const { trustedTypes } = window as unknown as { trustedTypes?: { createPolicy(name: string, rules: object): unknown } };
  try {
    trustedTypes?.createPolicy(CANARY_POLICY, {});
  } catch {
    // The expected TypeError: the policy is not allowed.
  }
  const isCanary = (violation: CspViolation) => violation.effectiveDirective === 'trusted-types' && violation.sample.includes(CANARY_POLICY);
  await waitFor(() => violations.slice(before).some(isCanary), 'the canary violation reported', 120);
  return violations.findIndex((violation, index) => index >= before && isCanary(violation));
}

async function main(): Promise<void> {
  const violations = window.__contactpadCspViolations ?? [];
  const steps: Partial<{ -readonly [K in keyof CspSteps]: CspSteps[K] }> = {};
  let error: string | undefined;
  try {
    const book = document.createElement('contactpad-address-book');
    book.adapter = createMemoryDirectory({ entries: ENTRIES, presences: PRESENCES, agent: { agentId: 'agent-me', linkedTeamsUserId: 'teams-me' } });
    document.body.append(book);
    await drive(book, steps);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  let canaryIndex = -1;
  try {
    canaryIndex = await canary(violations);
  } catch (caught) {
    error ??= caught instanceof Error ? caught.message : String(caught);
  }
  const report: CspReport = {
    type: 'csp-report',
    ...(error === undefined ? {} : { error }),
    violations: canaryIndex < 0 ? [...violations] : violations.filter((_, index) => index !== canaryIndex),
    canaryCaught: canaryIndex >= 0,
    steps: steps as CspSteps,
    policy: violations[canaryIndex]?.policy ?? '',
  };
  parent.postMessage(report, location.origin);
}

void main();
