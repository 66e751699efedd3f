/**
 * Presence of the Teams users the book shows. Each open starts a new {@link PresenceSession} (one request per user
 * per open); closing ends it and aborts what is in flight. Presences read in an earlier open stay on screen, with
 * their read time, until this open's answer replaces them.
 *
 * Which users are asked for: those of the rows in view and a margin around them, so presence scales with what the
 * agent sees, not with the size of the directory. The session never asks for a user twice in one open, and coalesces
 * asks made while scrolling.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter } from '../directory/adapter.js';
import type { DirectoryEntry } from '../directory/entry.js';
import { unknownPresence, type Presence } from '../presence/presence.js';
import { PresenceSession } from '../presence/presence-session.js';
import { describePresence, type PresenceStrings } from '../presence-icon/presence-strings.js';
import { presenceFromVccState, type PresenceMapping } from '../sync/vcc-mapping.js';
import type { ResultRow } from './result-rows.js';
import type { VisibleRows } from './listbox-window.js';

/** Rows asked for when the book opens: more than fit in view at the default height, so one request covers them. */
const INITIAL_VIEW_ROWS = 20;
/** Rows beyond those in view whose presence is asked for too, so a short scroll shows presence at once. */
const PRESENCE_MARGIN_ROWS = 10;

export class PresenceController implements ReactiveController {
  private readonly presences = new Map<string, Presence>();
  private session: PresenceSession | undefined;
  /** This open has not asked for presence yet: it does once there are rows to show. */
  private firstAskPending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  /**
   * What a row shows: a Teams user's presence, nothing for auto attendants, call queues, groups, plans and contacts,
   * and for a VCC agent one coherent presence: the VCC state (what routing uses; synchronised with Teams for a linked
   * agent) shown as the Teams availability `mapping` publishes for it, with the linked Teams user's presence, when
   * read in this open, in its detail (tooltip and accessible name).
   */
  presenceFor(entry: DirectoryEntry, strings: PresenceStrings, mapping: PresenceMapping | undefined): Presence | undefined {
    if (entry.kind === 'teams-user') return this.presences.get(entry.id) ?? unknownPresence();
    if (entry.kind !== 'vcc-agent') return undefined;
    const vcc = entry.vccState ? presenceFromVccState(entry.vccState, entry.vccStateName, null, mapping) : unknownPresence('vcc');
    const teams = entry.linkedTeamsUserId ? this.presences.get(entry.linkedTeamsUserId) : undefined;
    // "Teams: Unknown" would say nothing: the VCC state alone is shown until a Teams presence is known.
    if (!teams || teams.state === 'unknown') return vcc;
    const detail = [vcc.detail, strings.teamsPresence(describePresence(teams, strings))].filter(Boolean).join(' · ');
    return { ...vcc, detail, readAt: teams.readAt };
  }

  /** Starts the presence session of a new open; its first ask waits until there are rows to show. */
  begin(adapter: DirectoryAdapter | undefined): void {
    this.end();
    this.firstAskPending = true;
    // Host code: an adapter without a usable getPresences simply has no presence to show.
    if (typeof adapter?.getPresences !== 'function') return;
    const getPresences = adapter.getPresences.bind(adapter);
    this.session = new PresenceSession(getPresences, {
      onPresences: (presences) => {
        for (const [id, presence] of presences) this.presences.set(id, presence);
        this.host.requestUpdate();
      },
      onError: this.onError,
    });
  }

  /**
   * The book is about to render `rows`. New results need presence for the rows in view; the first rows of an open
   * need it for the rows in view and a margin, in one request sent before anything else.
   */
  rowsUpdated(rows: readonly ResultRow[], visible: VisibleRows, resultsChanged: boolean, loaded: boolean): void {
    if (resultsChanged && !this.firstAskPending) this.rowsInView(rows, visible);
    if (this.firstAskPending && loaded) {
      this.firstAskPending = false;
      this.rowsInView(rows, { first: 0, last: INITIAL_VIEW_ROWS });
    }
  }

  /** Asks for the Teams users of the rows `first`…`last` and a margin around them (and those linked agents are linked to). */
  rowsInView(rows: readonly ResultRow[], { first, last }: VisibleRows): void {
    if (!this.session) return;
    const ids: string[] = [];
    for (const row of rows.slice(Math.max(0, first - PRESENCE_MARGIN_ROWS), last + PRESENCE_MARGIN_ROWS + 1)) {
      if (row.type !== 'entry') continue;
      const { entry } = row;
      if (entry.kind === 'teams-user') ids.push(entry.id);
      else if (entry.kind === 'vcc-agent' && entry.linkedTeamsUserId) ids.push(entry.linkedTeamsUserId);
    }
    this.session.request(ids);
  }

  /** Ends this open's session (the book closed). */
  end(): void {
    this.session?.end();
    this.session = undefined;
  }

  /** Forgets every presence (the adapter changed). */
  clear(): void {
    this.end();
    this.presences.clear();
  }

  hostDisconnected(): void {
    this.end();
  }
}
