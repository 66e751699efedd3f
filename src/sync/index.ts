/**
 * The VCC ⇄ Teams synchronisation of linked agents: the mapping as data ({@link createPresenceMapping}) and the pure
 * per-agent state machine ({@link syncStep}, {@link SyncRegistry}). No lit, no clock, no I/O. Published through the
 * `contactpad-address-book/presence` entry.
 */
export * from './vcc-mapping.js';
export * from './sync-events.js';
export * from './sync-model.js';
export * from './sync-registry.js';
