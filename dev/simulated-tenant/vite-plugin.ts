/**
 * The simulated tenant as a Vite plugin, for the two dev servers that host it: the demo page (`npm start`, the
 * project's vite.config.ts) and Storybook (`npm run storybook`, .storybook/vite.config.ts).
 */
import type { Plugin } from 'vite';
import { createGraphHandler } from './handler.js';
import { nodeMiddleware } from './mount.js';

/**
 * The simulated Microsoft 365 tenant (dev only) at `/graph/v1.0/*`, its control API at `/__sim/*`: 3,000 people,
 * ~120 ms latency, no token demanded (the dev servers run over http, where the Graph client sends none).
 */
export function simulatedTenant(): Plugin {
  return {
    name: 'contactpad-simulated-tenant',
    apply: 'serve',
    configureServer(server) {
      const handler = createGraphHandler({ users: 3000, seed: 1, latencyMs: 120, requireAuth: false, protocol: 'http' });
      server.middlewares.use(nodeMiddleware(handler, 'http'));
    },
  };
}
