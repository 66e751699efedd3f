/**
 * contactpad-address-book/graph: the Microsoft Graph directory adapter and its MSAL token provider. A separate entry,
 * so hosts that do not use Graph never load the Graph client.
 */
export { createGraphDirectory, GRAPH_SCOPES, type GraphDirectoryOptions, type GraphDiagnostic } from './graph-directory.js';
export { msalTokenProvider, type AccessTokenRequest, type GetAccessToken, type TokenProvider } from './token-provider.js';
export { DEFAULT_RESOURCE_ACCOUNT_RULE, classifyResourceAccount, type ResourceAccountRule } from './graph-users.js';
export { RESOURCE_ACCOUNT_DEPARTMENT } from './graph-wire.js';
export { DEFAULT_RETRY_OPTIONS, parseRetryAfter, type RetryOptions } from './retry-policy.js';
export { MAX_IDS_PER_PRESENCE_REQUEST } from './graph-presence.js';
/**
 * The directory replica's store (IndexedDB, keyed by tenant and signed-in account, memory when storage fails) and
 * `clearReplicas`, the way to delete every replica (call it on sign-out). Not yet used by `createGraphDirectory`.
 */
export {
  clearReplicas,
  openReplicaStore,
  REPLICA_DATABASE_NAME,
  REPLICA_SCHEMA_VERSION,
  type ClearReplicasOptions,
  type Replica,
  type ReplicaContent,
  type ReplicaDiagnostic,
  type ReplicaStore,
  type ReplicaStoreOptions,
} from './replica-store.js';
export { SignInRequiredError, PartialResultError } from '../directory/errors.js';
