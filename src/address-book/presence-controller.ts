/**
 * Presence of the Teams users the book shows. Each open starts a new {@link PresenceSession} (one request per user
 * per open); closing ends it and aborts what is in flight. Presences read in an earlier open stay on screen, with
 * their read time, until this open's answer replaces them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter } from '../directory/adapter.js';
import type { DirectoryEntry } from '../directory/entry.js';
import { presenceFromVccState, unknownPresence, type Presence } from '../presence/presence.js';
import { describePresence, type PresenceStrings } from '../presence-icon/presence-strings.js';
import { PresenceSession } from '../presence/presence-session.js';

export class PresenceController implements ReactiveController {
  private readonly presences = new Map<string, Presence>();
  private session: PresenceSession | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  /**
   * What a row shows: a Teams user's presence, nothing for auto attendants, call queues, groups, plans and contacts,
   * and for a VCC agent one coherent presence: the VCC state (what routing uses; synchronised with Teams for a linked
   * agent), with the linked Teams user's presence, when read in this open, in its detail (tooltip and accessible name).
   */
  presenceFor(entry: DirectoryEntry, strings: PresenceStrings): Presence | undefined {
    if (entry.kind === 'teams-user') return this.presences.get(entry.id) ?? unknownPresence();
    if (entry.kind !== 'vcc-agent') return undefined;
    const vcc = entry.vccState ? presenceFromVccState(entry.vccState, entry.vccStateName, null) : unknownPresence('vcc');
    const teams = entry.linkedTeamsUserId ? this.presences.get(entry.linkedTeamsUserId) : undefined;
    // "Teams: Unknown" would say nothing: the VCC state alone is shown until a Teams presence is known.
    if (!teams || teams.state === 'unknown') return vcc;
    const detail = [vcc.detail, strings.teamsPresence(describePresence(teams, strings))].filter(Boolean).join(' · ');
    return { ...vcc, detail, readAt: teams.readAt };
  }

  /** Starts the presence session of a new open. */
  begin(adapter: DirectoryAdapter | undefined): void {
    this.end();
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

  /** Asks for the Teams users among these entries (and those linked agents are linked to) not yet asked for in this open. */
  requestFor(entries: readonly DirectoryEntry[]): void {
    this.session?.request(
      entries.flatMap((entry) => (entry.kind === 'teams-user' ? [entry.id] : entry.kind === 'vcc-agent' && entry.linkedTeamsUserId ? [entry.linkedTeamsUserId] : [])),
    );
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
