/** The Graph adapter on the simulated tenant (dev/simulated-tenant), as the Graph tests build it. */
import type { FaultRule, SimLogEntry, SimResetBody, TenantCounts } from '../../dev/simulated-tenant/types.js';
import { createGraphDirectory, type GraphDiagnostic, type GraphDirectoryOptions } from '../../src/graph/index.js';
import { control } from '../support/simulator.js';

/** Where web-test-runner.config.mjs mounts the simulated tenant. */
export const BASE_URL = `${location.origin}/graph`;

export const reset = (body: SimResetBody) => control<{ counts: TenantCounts }>('/reset', body);
export const addFaults = (...rules: FaultRule[]) => control('/faults', rules);
export const log = () => control<SimLogEntry[]>('/log');

/** A Graph adapter on the simulated tenant with a fixed token, and the diagnostics it reported. */
export function graph(options: Partial<GraphDirectoryOptions> = {}) {
  const diagnostics: GraphDiagnostic[] = [];
  const adapter = createGraphDirectory({
    getAccessToken: () => Promise.resolve('test-token'),
    baseUrl: BASE_URL,
    linkedTeamsUserId: 'linked-elsewhere',
    onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
    ...options,
  });
  return { adapter, diagnostics };
}
