/**
 * Storybook for the stories in stories/ (`npm run storybook`, `npm run build-storybook`).
 *
 * - Vite reads `.storybook/vite.config.ts`, not the project's vite.config.ts: that one builds the library (lib mode)
 *   and serves the demo page (its own root, port and entries), neither of which Storybook wants.
 * - Nothing reaches the network: no telemetry, no crash reports, no "what's new" fetch. The scripts also pass
 *   `--no-version-updates` and set STORYBOOK_DISABLE_TELEMETRY, for the checks that run before this file is read.
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: {
    name: '@storybook/web-components-vite',
    options: { builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) } },
  },
  features: {
    // The frame's background follows prefers-color-scheme with the components; a fixed one from this tool would put
    // a dark page behind a light book.
    backgrounds: false,
  },
  core: {
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
  },
};

export default config;
