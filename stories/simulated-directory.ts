/**
 * The "Directory" arg: the embedded demo directory (in memory, the default) or a simulated Microsoft 365 tenant.
 * The simulated tenant (dev/simulated-tenant) is mounted at `/graph/v1.0/*` over plain http by the two dev servers,
 * the demo page's (`npm start`) and Storybook's (`npm run storybook`); the book then reads its Teams side through the
 * real Microsoft Graph adapter. A static Storybook (`npm run build-storybook`) has no server behind it, so there the
 * simulated tenant cannot answer: the book shows the failure. Nothing here makes a request until the simulated
 * directory is chosen and a book loads.
 */
import { createCompositeDirectory, type DirectoryAdapter } from '../src/index.js';
import { createGraphDirectory } from '../src/graph/index.js';
import { createDemoVccAdapter } from '../src/demo-directory/index.js';
import type { ArgType } from './csf.js';
import { storyTenant } from './story-adapters.js';

/** The directories the "Directory" control offers, in its order. */
export const DIRECTORIES = [
  { value: 'demo', label: 'Embedded demo directory' },
  { value: 'simulated', label: 'Microsoft 365 (simulated tenant)' },
] as const;
export type DirectoryChoice = (typeof DIRECTORIES)[number]['value'];

export function isDirectoryChoice(value: unknown): value is DirectoryChoice {
  return DIRECTORIES.some((directory) => directory.value === value);
}

/** Args of a story that can run on either directory (no `directory`: the embedded demo directory). */
export interface DirectoryArgs {
  readonly directory?: DirectoryChoice;
}

export const DEFAULT_DIRECTORY: DirectoryChoice = 'demo';

export const DIRECTORY_ARG_TYPE: ArgType = {
  name: 'Directory',
  control: 'select',
  options: DIRECTORIES.map((directory) => directory.value),
  description:
    'Where the book’s entries come from: the embedded demo directory, or a simulated Microsoft 365 tenant through the real Microsoft Graph adapter (needs a dev server: npm start or npm run storybook, not a static Storybook build).',
};

/** The simulator's presence period (its default): presences change every minute. */
export const SIMULATED_PRESENCE_PERIOD_MS = 60_000;

let simulated: DirectoryAdapter | undefined;

/**
 * The simulated tenant's directory: one instance for the whole page, created on first use, so the book's 30-minute
 * cache keeps the 3,000 users between stories and presence is read again on each open.
 *
 * 1. Microsoft Teams from the real Graph adapter. Over http the Graph client sends no token at all (it sends tokens
 *    only to https hosts), and the dev server's simulator runs with `requireAuth: false`, so 'demo-token' is never
 *    used as a credential; it only satisfies the adapter's sign-in check. The linked Teams user is `GET /me`.
 * 2. The contact centre from the demo directory's VCC adapter. It is created "not linked", so it names the agent
 *    and leaves the Teams link to Graph: if `/me` fails, the book says the link could not be checked instead of
 *    trusting a demo id the tenant does not know.
 *
 * Teams is listed first, so its answers (entries and the linked user) win.
 */
export function simulatedTenantAdapter(): DirectoryAdapter {
  simulated ??= createCompositeDirectory([
    {
      id: 'teams',
      label: 'Microsoft Teams',
      adapter: createGraphDirectory({
        getAccessToken: () => Promise.resolve('demo-token'),
        baseUrl: `${location.origin}/graph`,
        // Default scopes, without TeamsTelephoneNumber.Read.All, and the simulator does not grant it: skip the
        // Teams Phone enrichment (it would only answer 403, which the browser logs as an error) and use profile
        // numbers, as the adapter does after that 403.
        numberAssignments: false,
      }),
    },
    { id: 'vcc', label: 'Contact centre', adapter: createDemoVccAdapter({ tenant: storyTenant(), linked: false }) },
  ]);
  return simulated;
}

/** The adapter for a story's Directory arg; `embedded` builds the demo directory's one (only when it is chosen). */
export function chooseDirectory(choice: DirectoryChoice | undefined, embedded: () => DirectoryAdapter): DirectoryAdapter {
  return choice === 'simulated' ? simulatedTenantAdapter() : embedded();
}
