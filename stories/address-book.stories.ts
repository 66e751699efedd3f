/**
 * `<contactpad-address-book>` in each state an agent can meet it in. Every story builds its own adapter at render,
 * so stories never share a cached directory; the exception is the simulated Microsoft 365 tenant (the Directory arg
 * of Outbound and Consult), one adapter for the whole page so its 3,000 users are downloaded once.
 */
import type { Meta, Story } from './csf.js';
import { BOOK_ARG_TYPES, DEFAULT_BOOK_ARGS, bookFrame, type BookArgs } from './story-frame.js';
import {
  LARGE_TENANT_USERS,
  compositeDemoAdapter,
  demoAdapter,
  emptyAdapter,
  failingSourceAdapter,
  malformedAdapter,
  neverAnsweringAdapter,
} from './story-adapters.js';
import { DEFAULT_DIRECTORY, DIRECTORY_ARG_TYPE, chooseDirectory, type DirectoryArgs } from './simulated-directory.js';

/** Stories that run on the embedded demo directory or, when chosen, on the simulated Microsoft 365 tenant. */
type DirectoryStory = Story<BookArgs & DirectoryArgs>;
const directoryArgs = { directory: DEFAULT_DIRECTORY } as const;
const directoryArgTypes = { directory: DIRECTORY_ARG_TYPE } as const;

const meta: Meta<BookArgs> = {
  title: 'Address book',
  component: 'contactpad-address-book',
  args: DEFAULT_BOOK_ARGS,
  argTypes: BOOK_ARG_TYPES,
  parameters: {
    storyOrder: ['Outbound', 'Consult', 'NotLinkedToTeams', 'Loading', 'EmptyDirectory', 'SourceFailure', 'MalformedData', 'LargeTenant'],
    docs: {
      description: {
        component:
          'Teams users with a number, Teams auto attendants and call queues, and contact-centre entities, with presence. Presence is read each time the book opens.',
      },
    },
  },
};
export default meta;

export const Outbound: DirectoryStory = {
  name: 'Outbound',
  args: directoryArgs,
  argTypes: directoryArgTypes,
  parameters: { docs: { description: { story: 'A new outbound call: the demo tenant through one adapter. Groups and interaction plans are not offered.' } } },
  render: (args) => bookFrame(args, chooseDirectory(args.directory, () => demoAdapter(args)), 'Outbound address book'),
};

export const Consult: DirectoryStory = {
  name: 'Consult',
  args: { ...directoryArgs, mode: 'consult', consultToQueue: true },
  argTypes: directoryArgTypes,
  parameters: {
    docs: {
      description: {
        story: 'A consult during a call, with consult-to-queue: groups and interaction plans are offered too. Teams and the contact centre come from two sources merged by a composite adapter.',
      },
    },
  },
  render: (args) => bookFrame(args, chooseDirectory(args.directory, () => compositeDemoAdapter(args)), 'Consult address book'),
};

export const NotLinkedToTeams: Story<BookArgs> = {
  name: 'Not linked to Teams',
  args: { linked: false },
  parameters: { docs: { description: { story: 'The agent has not linked a Teams user: Teams entries are hidden and a hint says why.' } } },
  render: (args) => bookFrame(args, demoAdapter(args), 'Address book of an agent not linked to Teams'),
};

export const Loading: Story<BookArgs> = {
  name: 'Loading',
  parameters: { docs: { description: { story: 'The directory never answers: placeholder rows, and the list is marked busy.' } } },
  render: (args) => bookFrame(args, neverAnsweringAdapter(), 'Loading address book'),
};

export const EmptyDirectory: Story<BookArgs> = {
  name: 'Empty directory',
  parameters: { docs: { description: { story: 'Nothing to list. Typing a number still offers to dial it.' } } },
  render: (args) => bookFrame(args, emptyAdapter(args), 'Empty address book'),
};

export const SourceFailure: Story<BookArgs & { readonly recoverOnRetry: boolean }> = {
  name: 'Source failure',
  args: { recoverOnRetry: true },
  parameters: {
    docs: {
      description: {
        story: 'Microsoft Teams fails to list; the contact centre still does. The failed source shows an error with Retry (which succeeds here).',
      },
    },
  },
  render: (args) => bookFrame(args, failingSourceAdapter(args), 'Address book with a failed source'),
};

export const MalformedData: Story<BookArgs> = {
  name: 'Malformed data',
  parameters: {
    docs: {
      description: {
        story: 'Empty names, a repeated id, numbers that are not phone numbers, an unknown kind and markup in a name (shown as text). Unusable entries are counted in a notice.',
      },
    },
  },
  render: (args) => bookFrame(args, malformedAdapter(args), 'Address book with malformed data'),
};

export const LargeTenant: Story<BookArgs> = {
  name: 'Large tenant',
  parameters: { docs: { description: { story: `${LARGE_TENANT_USERS.toLocaleString('en')} Teams users (about 70% have a number) plus the contact centre.` } } },
  render: (args) => bookFrame(args, demoAdapter(args, LARGE_TENANT_USERS), 'Address book of a large tenant'),
};
