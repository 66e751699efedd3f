/**
 * The tenant simulator's engine (no Lit): the VCC ⇄ Teams synchronisation model (`syncRegistryStep`) driven over the
 * demo directory. Every action becomes one or two timestamped events; the results are applied to the demo adapter:
 * Teams presences are pinned with `setPresence`, VCC states are kept in an override map that the simulator's own
 * adapter ({@link TenantSimEngine.adapter}) applies to the agents it lists.
 */
import {
  createSyncRegistry,
  createSyncState,
  DEFAULT_PRESENCE_STRINGS,
  linkAgent,
  syncRegistryStep,
  type AgentSyncEvent,
  type Interaction,
  type SyncRegistry,
  type SyncState,
  type SyncStepResult,
} from '../src/presence/index.js';
import { presenceAt, type DemoDirectoryAdapter, type DemoVccAgent } from '../src/demo-directory/index.js';
import type { DirectoryAdapter, DirectoryEntry, DirectoryListing, VccState } from '../src/index.js';

/** A Teams presence the simulator can put a Teams user in. */
export interface TeamsAction {
  readonly label: string;
  readonly availability: string;
  readonly activity: string;
}

export const TEAMS_ACTIONS: readonly TeamsAction[] = [
  { label: 'In a call', availability: 'Busy', activity: 'InACall' },
  { label: 'Presenting', availability: 'DoNotDisturb', activity: 'Presenting' },
  { label: 'In a meeting', availability: 'Busy', activity: 'InAMeeting' },
  { label: 'Do not disturb', availability: 'DoNotDisturb', activity: 'DoNotDisturb' },
  { label: 'Available', availability: 'Available', activity: 'Available' },
  { label: 'Away', availability: 'Away', activity: 'Away' },
];

export type AgentAction = 'ready' | 'busy' | 'wrap' | 'away' | 'lunch';

export const AGENT_ACTIONS: readonly { readonly action: AgentAction; readonly label: string }[] = [
  { action: 'ready', label: 'Ready' },
  { action: 'busy', label: 'Busy (VCC interaction)' },
  { action: 'wrap', label: 'Wrap' },
  { action: 'away', label: 'Away' },
  { action: 'lunch', label: 'Lunch (extended away)' },
];

/** A linked agent and the Teams user it is linked to. */
export interface LinkedAgent {
  readonly agent: DemoVccAgent;
  readonly teamsUserId: string;
  readonly teamsName: string;
}

/** The Teams presence the demo adapter serves for a user (pinned by the simulator). */
export interface TeamsShown {
  readonly availability: string;
  readonly activity: string;
}

export interface InteractionLogItem {
  readonly key: number;
  readonly change: 'created' | 'closed';
  readonly interaction: Interaction;
}

export interface EventLogItem {
  readonly key: number;
  readonly at: number;
  readonly text: string;
}

/**
 * A VCC state in the library's own words (its presence strings), so the event log and the agent panel say what the
 * book's icons say ("Ready (Outbound)"), with a custom state's name in brackets as the book writes it.
 */
export function vccStateLabel(state: VccState, name?: string): string {
  const label = DEFAULT_PRESENCE_STRINGS.vccStates[state];
  return name === undefined ? label : DEFAULT_PRESENCE_STRINGS.withDetail(label, name);
}

/** What one step did, in words, for the event log. */
function describe(event: AgentSyncEvent, result: SyncStepResult<SyncRegistry>): string {
  const what =
    event.type === 'teams-presence-changed'
      ? `Teams ${event.availability}/${event.activity ?? ''}`
      : event.type === 'vcc-state-changed'
        ? `VCC ${vccStateLabel(event.state, event.stateName)}`
        : `VCC ${event.type.replace(/-/g, ' ')}`;
  if (result.ignored !== undefined) return `${what}: ignored (${result.ignored})`;
  const effects = [
    result.vccState === undefined ? '' : `VCC → ${vccStateLabel(result.vccState)}`,
    result.publishTeams === undefined ? '' : `Teams → ${result.publishTeams.availability}/${result.publishTeams.activity}`,
    result.interactionsCreated.length > 0 ? `${result.interactionsCreated.length} interaction created` : '',
    result.interactionsClosed.length > 0 ? `${result.interactionsClosed.length} interaction closed` : '',
  ].filter((effect) => effect !== '');
  return `${what}: ${effects.length > 0 ? effects.join(', ') : 'applied'}`;
}

export class TenantSimEngine {
  readonly linkedAgents: readonly LinkedAgent[];
  /**
   * The directory the simulator's book lists: the demo adapter with the VCC states the model set. A new object made
   * once, so the book's directory cache keys on it alone.
   */
  readonly adapter: DirectoryAdapter;
  interactions: readonly InteractionLogItem[] = [];
  events: readonly EventLogItem[] = [];

  private registry: SyncRegistry;
  private readonly vccOverrides = new Map<string, { readonly state: VccState; readonly name?: string }>();
  private readonly teamsShown = new Map<string, TeamsShown>();
  private lastAt = 0;
  private sequence = 0;
  private vccInteractions = 0;
  private logKeys = 0;

  constructor(
    private readonly demo: DemoDirectoryAdapter,
    private readonly now: () => number = () => Date.now(),
  ) {
    const { tenant } = demo;
    const users = new Map(tenant.teamsUsers.map((user) => [user.id, user.displayName]));
    this.linkedAgents = tenant.vccAgents.flatMap((agent): LinkedAgent[] =>
      agent.linkedTeamsUserId === null
        ? []
        : [{ agent, teamsUserId: agent.linkedTeamsUserId, teamsName: users.get(agent.linkedTeamsUserId) ?? agent.linkedTeamsUserId }],
    );
    const at = this.tick();
    let registry = createSyncRegistry();
    for (const { agent, teamsUserId } of this.linkedAgents) {
      // Each linked user's generated presence is pinned as the model starts from it: otherwise the demo clock would
      // move it behind the model's back.
      const record = presenceAt(tenant, teamsUserId, at);
      const shown = { availability: record.availability ?? 'PresenceUnknown', activity: record.activity ?? 'PresenceUnknown' };
      this.pin(teamsUserId, shown);
      const init = { vccState: agent.state, teams: shown, at, ...(agent.stateName === null ? {} : { vccStateName: agent.stateName }) };
      registry = linkAgent(registry, createSyncState(agent.id, init));
    }
    this.registry = registry;
    this.adapter = this.createAdapter();
  }

  /**
   * The agent the simulator starts on: the first linked one that is not the signed-in agent, whom the book leaves out
   * (with their Teams user) because an agent does not call themself.
   */
  get firstAgent(): LinkedAgent | undefined {
    const me = this.demo.tenant.signedInAgent;
    return this.linkedAgents.find(({ agent, teamsUserId }) => agent.id !== me.agentId && teamsUserId !== me.linkedTeamsUserId) ?? this.linkedAgents[0];
  }

  stateOf(agentId: string): SyncState | undefined {
    return this.registry.agents.get(agentId);
  }

  teamsShownFor(teamsUserId: string): TeamsShown | undefined {
    return this.teamsShown.get(teamsUserId);
  }

  /** The Teams user's presence changed in Teams. */
  teams(linked: LinkedAgent, action: TeamsAction): void {
    const { availability, activity } = action;
    // Teams is the source of its own presence: the demo adapter serves it whatever the model makes of it.
    this.pin(linked.teamsUserId, { availability, activity });
    this.sequence += 1;
    this.step({ type: 'teams-presence-changed', agentId: linked.agent.id, at: this.tick(), availability, activity, sequenceNumber: String(this.sequence) });
  }

  /** The agent did something in VCC. */
  agent(linked: LinkedAgent, action: AgentAction): void {
    const agentId = linked.agent.id;
    const state = this.stateOf(agentId);
    switch (action) {
      case 'ready':
        if (state?.vccState === 'wrap') this.step({ type: 'wrap-ended', agentId, at: this.tick() });
        else this.step({ type: 'vcc-state-changed', agentId, at: this.tick(), state: 'ready', source: 'vcc' });
        return;
      case 'busy':
        this.vccInteractions += 1;
        this.step({ type: 'vcc-interaction-started', agentId, at: this.tick(), interactionId: `vcc-${this.vccInteractions}` });
        return;
      case 'wrap':
        for (const interactionId of state?.openVccInteractions ?? []) {
          this.step({ type: 'vcc-interaction-ended', agentId, at: this.tick(), interactionId });
        }
        this.step({ type: 'wrap-started', agentId, at: this.tick() });
        return;
      case 'away':
        this.step({ type: 'vcc-state-changed', agentId, at: this.tick(), state: 'away', source: 'vcc' });
        return;
      case 'lunch':
        this.step({ type: 'vcc-state-changed', agentId, at: this.tick(), state: 'extended-away', stateName: 'Lunch', source: 'vcc' });
        return;
    }
  }

  /** A strictly increasing clock: two clicks in one millisecond are still two events in order. */
  private tick(): number {
    this.lastAt = Math.max(this.now(), this.lastAt + 1);
    return this.lastAt;
  }

  private pin(teamsUserId: string, shown: TeamsShown): void {
    this.teamsShown.set(teamsUserId, shown);
    this.demo.setPresence(teamsUserId, { id: teamsUserId, ...shown });
  }

  private step(event: AgentSyncEvent): void {
    const result = syncRegistryStep(this.registry, event);
    this.registry = result.state;
    const linked = this.linkedAgents.find((candidate) => candidate.agent.id === event.agentId);
    if (linked && result.publishTeams) this.pin(linked.teamsUserId, result.publishTeams);
    // VCC serves the model's state: the one VCC itself set (VCC events) or the one the model asked for (vccState).
    const state = this.stateOf(event.agentId);
    if (state) this.vccOverrides.set(event.agentId, { state: state.vccState, ...(state.vccStateName === undefined ? {} : { name: state.vccStateName }) });
    const logged = (change: InteractionLogItem['change']) => (interaction: Interaction) => ({ key: ++this.logKeys, change, interaction });
    this.interactions = [
      ...result.interactionsClosed.map(logged('closed')).reverse(),
      ...result.interactionsCreated.map(logged('created')).reverse(),
      ...this.interactions,
    ];
    this.events = [{ key: ++this.logKeys, at: event.at, text: describe(event, result) }, ...this.events].slice(0, 50);
  }

  private withOverride(entry: DirectoryEntry): DirectoryEntry {
    const override = entry.kind === 'vcc-agent' ? this.vccOverrides.get(entry.id) : undefined;
    if (entry.kind !== 'vcc-agent' || !override) return entry;
    // The agent's own state name goes with its old state: the override's (if any) replaces it.
    const agent = { ...entry, vccState: override.state, vccStateName: override.name };
    if (override.name === undefined) delete agent.vccStateName;
    return agent;
  }

  private createAdapter(): DirectoryAdapter {
    const demo = this.demo;
    return {
      listEntries: async (options): Promise<DirectoryListing> => {
        const listing = await demo.listEntries(options);
        return { ...listing, entries: listing.entries.map((entry) => this.withOverride(entry)) };
      },
      getPresences: (ids, options) => demo.getPresences(ids, options),
      getSignedInAgent: (options) => demo.getSignedInAgent(options),
    };
  }
}
