/**
 * The "Embeddings" pages of the demo: the book inside mock ContactPad screens. Same shape as a stories module, so
 * the demo's sidebar, router and controls treat them like stories.
 *
 * Both mocks share one directory adapter (as ContactPad's outbound dialog and consult panel would share one
 * directory): on the embedded demo directory one per "linked" setting, with ~150 ms latency so loading is visible
 * and presences move on the clock; on the simulated Microsoft 365 tenant the page's one simulated adapter.
 */
import { html } from 'lit';
import { createDemoDirectoryAdapter, type DemoDirectoryAdapter } from '../src/demo-directory/index.js';
import type { DirectoryAdapter } from '../src/index.js';
import type { Meta, Story } from '../stories/csf.js';
import { STORY_LATENCY_MS, STORY_PRESENCE_PERIOD_MS, storyTenant } from '../stories/story-adapters.js';
import {
  DEFAULT_DIRECTORY,
  DIRECTORY_ARG_TYPE,
  SIMULATED_PRESENCE_PERIOD_MS,
  chooseDirectory,
  type DirectoryArgs,
} from '../stories/simulated-directory.js';
import { DEFAULT_LANGUAGE, LANGUAGE_ARG_TYPE, languageOf, type LanguageArgs } from '../stories/story-language.js';
import './outbound-dialog.js';
import './consult-panel.js';
import './tenant-simulator.js';

interface EmbeddingArgs extends DirectoryArgs, LanguageArgs {
  readonly consultToQueue: boolean;
  readonly linked: boolean;
  readonly latency: boolean;
}

const adapters = new Map<boolean, DemoDirectoryAdapter>();

/** The shared demo adapter; its latency switch is live, so toggling latency keeps the cached directory. */
function demoEmbeddingAdapter({ linked, latency }: EmbeddingArgs): DemoDirectoryAdapter {
  let adapter = adapters.get(linked);
  if (!adapter) {
    adapter = createDemoDirectoryAdapter({ tenant: storyTenant(), linked });
    adapters.set(linked, adapter);
  }
  adapter.latencyMs = latency ? STORY_LATENCY_MS : 0;
  return adapter;
}

function embeddingAdapter(args: EmbeddingArgs): DirectoryAdapter {
  return chooseDirectory(args.directory, () => demoEmbeddingAdapter(args));
}

/** How often presences move, for the mocks' refresh hint. */
function presencePeriod(args: EmbeddingArgs): number {
  return args.directory === 'simulated' ? SIMULATED_PRESENCE_PERIOD_MS : STORY_PRESENCE_PERIOD_MS;
}

const meta: Meta<EmbeddingArgs> = {
  title: 'Embeddings',
  component: 'contactpad-address-book',
  args: { directory: DEFAULT_DIRECTORY, consultToQueue: true, linked: true, latency: true, language: DEFAULT_LANGUAGE },
  argTypes: {
    directory: DIRECTORY_ARG_TYPE,
    consultToQueue: { control: 'boolean', description: 'Consult panel: groups and interaction plans are offered.' },
    linked: { control: 'boolean', description: 'The signed-in agent is linked to a Teams user.' },
    latency: { control: 'boolean', description: 'Every directory answer waits 150 ms.' },
    language: LANGUAGE_ARG_TYPE,
  },
  parameters: { layout: 'fullscreen', storyOrder: ['OutboundCallDialog', 'ConsultPanel', 'TenantSimulator'] },
};
export default meta;

export const OutboundCallDialog: Story<EmbeddingArgs> = {
  name: 'Outbound-call dialog',
  parameters: {
    docs: {
      description: {
        story:
          'ContactPad’s Make Call dialog. Address book (or typing a name, or ↓ in the number field) opens the book under the field; choosing an entry fills the field and dials.',
      },
    },
  },
  render: (args) =>
    html`<demo-outbound-dialog
      .adapter=${embeddingAdapter(args)}
      .presencePeriodMs=${presencePeriod(args)}
      .language=${languageOf(args.language)}
    ></demo-outbound-dialog>`,
};

export const ConsultPanel: Story<EmbeddingArgs> = {
  name: 'Consult panel',
  parameters: {
    docs: {
      description: {
        story: 'An active call. Consult opens the book in consult mode beside the call; choosing a target holds the caller and offers Transfer, Conference and Retrieve.',
      },
    },
  },
  render: (args) =>
    html`<demo-consult-panel
      .adapter=${embeddingAdapter(args)}
      .presencePeriodMs=${presencePeriod(args)}
      .language=${languageOf(args.language)}
      ?consult-to-queue=${args.consultToQueue}
    ></demo-consult-panel>`,
};

export const TenantSimulator: Story<EmbeddingArgs> = {
  name: 'Tenant simulator',
  parameters: {
    docs: {
      description: {
        story:
          'The VCC ⇄ Teams synchronisation model driven over the embedded demo directory (always; the page ignores the Directory control): put a linked agent’s Teams user in a call or move the agent through Ready → Busy → Wrap → Ready, and watch the interactions log. The book beside it shows the new presences when reopened.',
      },
    },
  },
  render: (args) => html`<demo-tenant-simulator .language=${languageOf(args.language)}></demo-tenant-simulator>`,
};
