/**
 * The Component Story Format, as far as these stories use it. Shaped like Storybook's `Meta` and `StoryObj`
 * (`@storybook/web-components-vite`), so the stories run in Storybook unchanged: `npm run storybook` serves them,
 * `npm test` renders every one from a `storybook build`, and `.storybook/csf-types.ts` checks at compile time that
 * these types still fit Storybook's. Declared here so neither the library nor the demo page depends on Storybook.
 */
import type { TemplateResult } from 'lit';

export type ControlType = 'boolean' | 'text' | 'number' | 'range' | 'select' | 'radio' | 'inline-radio';

export interface ArgType {
  readonly name?: string;
  readonly description?: string;
  readonly control?: ControlType | { readonly type: ControlType; readonly min?: number; readonly max?: number; readonly step?: number } | false;
  readonly options?: readonly string[];
}

/** A file's default export. */
export interface Meta<Args> {
  readonly title: string;
  /** The custom element's tag, as Storybook's web-components renderer expects. */
  readonly component: string;
  readonly args: Args;
  readonly argTypes: { readonly [K in keyof Args]?: ArgType };
  readonly parameters?: StoryParameters;
}

export interface StoryParameters {
  readonly docs?: { readonly description?: { readonly component?: string; readonly story?: string } };
  readonly layout?: 'centered' | 'padded' | 'fullscreen';
  /**
   * The stories' export names in source order. Storybook reads the order from the source itself; a module namespace
   * object lists exports alphabetically, so the demo page reads it from here.
   */
  readonly storyOrder?: readonly string[];
}

/** A named export: one story. */
export interface Story<Args> {
  readonly name?: string;
  readonly args?: Partial<Args>;
  /** Arg types of this story only (merged over the meta's), as in Storybook. */
  readonly argTypes?: { readonly [K in keyof Args]?: ArgType };
  readonly parameters?: StoryParameters;
  render(args: Args): TemplateResult;
}

/** What `import * as module from './x.stories.js'` gives. */
export interface StoriesModule {
  readonly default: Meta<object>;
  readonly [exportName: string]: unknown;
}

/** Storybook's id rule: `Address book` + `NotLinkedToTeams` → `address-book--not-linked-to-teams`. */
export function storyId(title: string, exportName: string): string {
  return `${kebab(title)}--${kebab(exportName)}`;
}

function kebab(text: string): string {
  return text
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Storybook's default display name of an export: `NotLinkedToTeams` → `Not Linked To Teams`. */
export function storyNameFromExport(exportName: string): string {
  return exportName.replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
}

export function isStory(value: unknown): value is Story<object> {
  return typeof value === 'object' && value !== null && typeof (value as { render?: unknown }).render === 'function';
}
