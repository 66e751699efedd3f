/**
 * Storybook's Vite config (named by `.storybook/main.ts`). `storybook dev` mounts the simulated Microsoft 365 tenant,
 * as `npm start` does, so the Directory control's "Microsoft 365 (simulated tenant)" works there too. A static
 * `storybook build` has no server behind it: there, only the embedded demo directory works.
 */
import { defineConfig } from 'vite';
import { simulatedTenant } from '../dev/simulated-tenant/vite-plugin.js';

export default defineConfig({
  plugins: [simulatedTenant()],
});
