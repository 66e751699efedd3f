/**
 * Presence of the Teams users the book shows. Each open starts a new {@link PresenceSession} (one request per user
 * per open); closing ends it and aborts what is in flight. Presences read in an earlier open stay on screen, with
 * their read time, until this open's answer replaces them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DirectoryAdapter } from '../directory/adapter.js';
import { unknownPresence, type Presence } from '../presence/presence.js';
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

  presenceOf(teamsUserId: string): Presence {
    return this.presences.get(teamsUserId) ?? unknownPresence();
  }

  /** Starts the presence session of a new open. */
  begin(adapter: DirectoryAdapter | undefined): void {
    this.end();
    const getPresences = adapter?.getPresences?.bind(adapter);
    if (!getPresences) return;
    this.session = new PresenceSession(getPresences, {
      onPresences: (presences) => {
        for (const [id, presence] of presences) this.presences.set(id, presence);
        this.host.requestUpdate();
      },
      onError: this.onError,
    });
  }

  /** Asks for users not yet asked for in this open. */
  request(teamsUserIds: Iterable<string>): void {
    this.session?.request(teamsUserIds);
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
