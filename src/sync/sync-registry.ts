/**
 * Many linked agents: a registry of {@link SyncState}s by agent id, and a step that routes an event to its agent.
 * Pure and immutable like the model; an event for an agent the registry does not hold is ignored, never thrown.
 */
import type { AgentSyncEvent, IgnoredReason, Interaction, SyncStepResult } from './sync-events.js';
import { syncStep, type SyncState } from './sync-model.js';
import { DEFAULT_PRESENCE_MAPPING, type PresenceMapping } from './vcc-mapping.js';

const NOTHING: readonly Interaction[] = Object.freeze([]);

function ignore(registry: SyncRegistry, reason: IgnoredReason): SyncStepResult<SyncRegistry> {
  return { state: registry, interactionsCreated: NOTHING, interactionsClosed: NOTHING, ignored: reason };
}

/** The linked agents, by agent id. Immutable: each step returns a new registry (a copy of the map). */
export interface SyncRegistry {
  readonly agents: ReadonlyMap<string, SyncState>;
}

/** A registry of linked agents (a later state with the same agent id replaces an earlier one). */
export function createSyncRegistry(states: Iterable<SyncState> = []): SyncRegistry {
  return { agents: new Map([...states].map((state) => [state.agentId, state])) };
}

/** The registry with an agent linked (or its state replaced). */
export function linkAgent(registry: SyncRegistry, state: SyncState): SyncRegistry {
  return { agents: new Map(registry.agents).set(state.agentId, state) };
}

/** The registry without an agent (unlinked); later events for it are `unknown-agent`. */
export function unlinkAgent(registry: SyncRegistry, agentId: string): SyncRegistry {
  const agents = new Map(registry.agents);
  agents.delete(agentId);
  return { agents };
}

/**
 * Applies an event to the agent it names. An event for an agent the registry does not hold (or with no agent id) is
 * `unknown-agent` and leaves the registry as it was. Never throws.
 */
export function syncRegistryStep(
  registry: SyncRegistry,
  event: AgentSyncEvent,
  mapping: PresenceMapping = DEFAULT_PRESENCE_MAPPING,
): SyncStepResult<SyncRegistry> {
  try {
    const agentId: unknown = event?.agentId;
    const state = typeof agentId === 'string' ? registry.agents.get(agentId) : undefined;
    if (state === undefined) return ignore(registry, 'unknown-agent');
    const result = syncStep(state, event, mapping);
    if (result.state === state) return { ...result, state: registry };
    return { ...result, state: linkAgent(registry, result.state) };
  } catch {
    return ignore(registry, 'invalid-event');
  }
}
