/**
 * The simulated Microsoft 365 tenant (dev and test only; never part of the published bundle). See README.md.
 */
export { createGraphHandler, type GraphHandler, type GraphHandlerOptions } from './handler.js';
export { koaMiddleware, nodeMiddleware } from './mount.js';
export { countUsersWithNumber, createTenant, numberRule, tenantCounts, type Tenant } from './tenant.js';
export { MAIL_DOMAIN, resourceAccount } from './resource-accounts.js';
export { PRESENCE_ID_LIMIT } from './teams-routes.js';
export type * from './types.js';
