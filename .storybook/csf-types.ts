/**
 * Compile-time proof (`npm run typecheck`) that the stories' own CSF types (stories/csf.ts) still fit Storybook's:
 * each stories module's default export is a Storybook `Meta` of its args, and each story a `StoryObj` of its args.
 * Storybook reads the stories as they are, so this is what keeps csf.ts's "run in Storybook unchanged" true as
 * either side changes.
 */
import type { Meta as StorybookMeta, StoryObj } from '@storybook/web-components-vite';
import type { Meta, Story } from '../stories/csf.js';
import type * as addressBook from '../stories/address-book.stories.js';
import type * as presenceIcon from '../stories/presence-icon.stories.js';

type Expect<T extends true> = T;

type FitsMeta<Module> = Module extends { readonly default: Meta<infer Args> }
  ? Module['default'] extends StorybookMeta<Args> ? true : false
  : false;

type FitsStory<Export> = Export extends Story<infer Args> ? (Export extends StoryObj<Args> ? true : false) : false;
/** `true` when every export but the default one is a story that fits Storybook's. */
type FitStories<Module> = false extends { [K in Exclude<keyof Module, 'default'>]: FitsStory<Module[K]> }[Exclude<keyof Module, 'default'>]
  ? false
  : true;

export type StoriesFitStorybook = [
  Expect<FitsMeta<typeof addressBook>>,
  Expect<FitStories<typeof addressBook>>,
  Expect<FitsMeta<typeof presenceIcon>>,
  Expect<FitStories<typeof presenceIcon>>,
];
