/**
 * The demo page's catalogue: every story of every stories module (plus the embedding mocks), as pages with an id
 * (Storybook's), a group (the module's title), default args and a render function.
 */
import type { TemplateResult } from 'lit';
import { isStory, storyId, storyNameFromExport, type ArgType, type StoriesModule } from '../stories/csf.js';

export type Args = Readonly<Record<string, unknown>>;

/** The canvas widths the "size" control offers. */
export const SIZES = [
  { value: 'narrow', label: 'Narrow (320 px)' },
  { value: 'medium', label: 'Medium (480 px)' },
  { value: 'wide', label: 'Wide (720 px)' },
  { value: 'full', label: 'Full width' },
] as const;
export type Size = (typeof SIZES)[number]['value'];

export function isSize(value: unknown): value is Size {
  return SIZES.some((size) => size.value === value);
}

export interface DemoPage {
  /** `address-book--consult`: what `location.hash` selects. */
  readonly id: string;
  readonly group: string;
  readonly name: string;
  readonly description: string;
  /** The component's args merged with the story's. */
  readonly args: Args;
  /** Arg names the page understands (the controls for other args are disabled). */
  readonly argNames: ReadonlySet<string>;
  /** The component's arg types merged with the story's. */
  readonly argTypes: Readonly<Record<string, ArgType>>;
  readonly defaultSize: Size;
  render(args: Args): TemplateResult;
}

export interface PageGroup {
  readonly title: string;
  readonly pages: readonly DemoPage[];
}

/** The pages of one module, in its `storyOrder` (then any other story, alphabetically). */
export function pagesOf(module: StoriesModule): DemoPage[] {
  const meta = module.default;
  const order = meta.parameters?.storyOrder ?? [];
  const names = Object.keys(module).filter((name) => name !== 'default' && isStory(module[name]));
  const rank = (name: string): number => (order.includes(name) ? order.indexOf(name) : order.length);
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const metaArgs = meta.args as Args;
  const metaArgTypes = meta.argTypes as Readonly<Record<string, ArgType>>;
  return names.flatMap((exportName): DemoPage[] => {
    const story = module[exportName];
    if (!isStory(story)) return [];
    const args: Args = { ...metaArgs, ...(story.args as Args | undefined) };
    const argTypes: Readonly<Record<string, ArgType>> = { ...metaArgTypes, ...(story.argTypes as Readonly<Record<string, ArgType>> | undefined) };
    const render = (pageArgs: Args): TemplateResult => story.render(pageArgs);
    return [
      {
        id: storyId(meta.title, exportName),
        group: meta.title,
        name: story.name ?? storyNameFromExport(exportName),
        description: story.parameters?.docs?.description?.story ?? meta.parameters?.docs?.description?.component ?? '',
        args,
        argNames: new Set([...Object.keys(args), ...Object.keys(argTypes)]),
        argTypes,
        defaultSize: meta.parameters?.layout === 'fullscreen' ? 'wide' : 'medium',
        render,
      },
    ];
  });
}

export function groupPages(modules: readonly StoriesModule[]): PageGroup[] {
  return modules.map((module) => ({ title: module.default.title, pages: pagesOf(module) }));
}
