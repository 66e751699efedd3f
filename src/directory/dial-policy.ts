/**
 * Which kinds of entry each use of the book offers. Default (docs/rules.md#dial-policy-per-mode):
 * groups and interaction plans are consult targets only, and only with the account's consult-to-queue feature;
 * everything else is offered in both modes.
 */
import { ENTRY_KINDS, type EntryKind } from './entry.js';

/** How the book is embedded: a new outbound call, or a consult during a call. */
export type BookMode = 'outbound' | 'consult';

export interface DialPolicyOptions {
  readonly consultToQueue: boolean;
  /** A host's own list replaces the default for both modes. */
  readonly kinds?: readonly EntryKind[] | undefined;
}

const QUEUE_TARGETS: ReadonlySet<EntryKind> = new Set(['vcc-group', 'interaction-plan']);

export function offeredKinds(mode: BookMode, { consultToQueue, kinds }: DialPolicyOptions): ReadonlySet<EntryKind> {
  if (kinds) return new Set(kinds.filter((kind) => ENTRY_KINDS.includes(kind)));
  const offerQueues = mode === 'consult' && consultToQueue;
  return new Set(ENTRY_KINDS.filter((kind) => offerQueues || !QUEUE_TARGETS.has(kind)));
}
