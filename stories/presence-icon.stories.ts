/**
 * `<contactpad-presence-icon>`: the eight presences the product shows plus Unknown, Teams activities and VCC agent
 * states. Each icon is a tab stop here so its tooltip can be read with the keyboard.
 */
import { html, type TemplateResult } from 'lit';
import {
  PRESENCE_STATES,
  VCC_STATES,
  describePresence,
  parsePresence,
  presenceFromVccState,
  type Presence,
  type PresenceState,
} from '../src/index.js';
import type { Meta, Story } from './csf.js';
import { DEFAULT_LANGUAGE, LANGUAGE_ARG_TYPE, languageOf, type LanguageArgs } from './story-language.js';

interface PresenceArgs extends LanguageArgs {
  /** Whether the tooltips say when the presence was read. */
  readonly withReadTime: boolean;
}

/** Graph's `availability` spelling of each icon state. */
const AVAILABILITY: Readonly<Record<PresenceState, string>> = {
  available: 'Available',
  'available-idle': 'AvailableIdle',
  busy: 'Busy',
  'busy-idle': 'BusyIdle',
  away: 'Away',
  'be-right-back': 'BeRightBack',
  'do-not-disturb': 'DoNotDisturb',
  offline: 'Offline',
  unknown: 'PresenceUnknown',
};

/** Teams presences whose activity refines the label. */
const ACTIVITIES: readonly (readonly [availability: string, activity: string])[] = [
  ['Busy', 'InACall'],
  ['Busy', 'InAConferenceCall'],
  ['Busy', 'InAMeeting'],
  ['DoNotDisturb', 'Presenting'],
  ['DoNotDisturb', 'UrgentInterruptionsOnly'],
  ['Offline', 'OffWork'],
  ['Away', 'OutOfOffice'],
  ['AvailableIdle', 'Inactive'],
  ['focusing', 'focusing'],
];

const readTime = (args: PresenceArgs): number | null => (args.withReadTime ? Date.now() : null);

function gallery(
  items: readonly { readonly key: string; readonly presence: Presence; readonly note?: string }[],
  label: string,
  args: PresenceArgs,
): TemplateResult {
  const language = languageOf(args.language);
  const strings = language.translation.presenceStrings;
  return html`<ul class="story-presence-gallery" aria-label=${label} lang=${language.value} dir=${language.dir}>
    ${items.map(
      ({ key, presence, note }) => html`<li class="story-presence-item">
        <contactpad-presence-icon tabindex="0" .presence=${presence} .strings=${strings}></contactpad-presence-icon>
        <span class="story-presence-label">${describePresence(presence, strings)}</span>
        <code class="story-presence-code">${note ?? key}</code>
      </li>`,
    )}
  </ul>`;
}

const meta: Meta<PresenceArgs> = {
  title: 'Presence icon',
  component: 'contactpad-presence-icon',
  args: { withReadTime: true, language: DEFAULT_LANGUAGE },
  argTypes: {
    withReadTime: { control: 'boolean', description: 'Tooltips say when the presence was read.' },
    language: LANGUAGE_ARG_TYPE,
  },
  parameters: {
    storyOrder: ['Gallery', 'Activities', 'VccStates'],
    docs: { description: { component: 'Shape and colour both tell the state; the accessible name says it in words.' } },
  },
};
export default meta;

export const Gallery: Story<PresenceArgs> = {
  name: 'Presence icon gallery',
  parameters: { docs: { description: { story: 'All nine states: the eight Microsoft Teams availabilities the product shows, and Unknown.' } } },
  render: (args) =>
    gallery(
      PRESENCE_STATES.map((state) => ({
        key: state,
        presence: parsePresence({ availability: AVAILABILITY[state] }, readTime(args)),
        note: `availability: ${AVAILABILITY[state]}`,
      })),
      'Presence states',
      args,
    ),
};

export const Activities: Story<PresenceArgs> = {
  name: 'Teams activities',
  parameters: { docs: { description: { story: 'Activities refine the label; an unrecognised value ("focusing") adds nothing.' } } },
  render: (args) =>
    gallery(
      ACTIVITIES.map(([availability, activity]) => ({
        key: `${availability}/${activity}`,
        presence: parsePresence({ availability, activity, outOfOfficeSettings: { isOutOfOffice: activity === 'OutOfOffice' } }, readTime(args)),
        note: `${availability} · ${activity}`,
      })),
      'Teams activities',
      args,
    ),
};

export const VccStates: Story<PresenceArgs> = {
  name: 'Contact-centre agent states',
  parameters: { docs: { description: { story: 'A VCC agent’s state shown with the same icons (a custom state keeps its own name).' } } },
  render: (args) =>
    gallery(
      [
        ...VCC_STATES.map((state) => ({ key: state, presence: presenceFromVccState(state, undefined, readTime(args)) })),
        { key: 'away (Lunch)', presence: presenceFromVccState('away', 'Lunch', readTime(args)) },
      ],
      'Contact-centre agent states',
      args,
    ),
};
