/**
 * The embedded demo directory: a deterministic fake organisation and adapters over it, so the address book runs
 * with no account and no network (demo page, stories, tests).
 */
export {
  createDemoTenant,
  DEFAULT_AGENTS,
  DEFAULT_DEMO_SEED,
  DEFAULT_TEAMS_USERS,
  DEMO_DOMAIN,
} from './demo-tenant.js';
// Graph's wire shape and resource-account marker: defined once, with the Graph adapter, and re-exported here because
// the demo tenant's Teams side is in that shape. The module has no runtime import, so no Graph client comes along.
export { RESOURCE_ACCOUNT_DEPARTMENT, type GraphUser } from '../graph/graph-wire.js';
export { toDirectoryEntries, toTeamsEntries, toVccEntries } from './demo-entries.js';
export { DEFAULT_PRESENCE_PERIOD_MS, PRESENCE_SPREAD, presenceAt } from './demo-presence.js';
export {
  createDemoDirectoryAdapter,
  createDemoTeamsAdapter,
  createDemoVccAdapter,
  DemoListingError,
} from './demo-adapter.js';
export type {
  DemoAdapterCalls,
  DemoAdapterControls,
  DemoAdapterOptions,
  DemoDirectoryAdapter,
  DemoTeamsAdapter,
  DemoVccAdapter,
} from './demo-adapter.js';
// The building blocks of the demo data, for other generators of fake directories (the simulated Microsoft 365 tenant
// under dev/ uses them), so that every fake person is drawn the same way.
export { createSeededRandom, hash32, weightedPick, type SeededRandom, type WeightedTable } from './prng.js';
export {
  DEMO_DEPARTMENTS,
  DEMO_FEATURED_NAMES,
  DEMO_NAME_CULTURES,
  mailLocalPart,
  type DemoDepartment,
  type DemoNameCulture,
} from './demo-names.js';
export type {
  DemoExternalContact,
  DemoInteractionPlan,
  DemoResourceAccount,
  DemoTenant,
  DemoTenantOptions,
  DemoVccAgent,
  DemoVccGroup,
} from './demo-types.js';
