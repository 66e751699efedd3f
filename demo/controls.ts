/**
 * The demo's controls, like Storybook's: directory, language, mode, consult-to-queue, linked to Teams, latency (story
 * args) and the canvas size. A control for an arg the current page does not have is disabled, and so are the ones the
 * simulated Microsoft 365 tenant decides by itself.
 */
import { html, type TemplateResult } from 'lit';
import { DIRECTORIES, isDirectoryChoice } from '../stories/simulated-directory.js';
import { LANGUAGES, isLanguageChoice } from '../stories/story-language.js';
import { SIZES, isSize, type Args, type DemoPage, type Size } from './pages.js';

export interface ControlsState {
  readonly page: DemoPage;
  readonly args: Args;
  readonly size: Size;
}

export interface ControlsCallbacks {
  readonly onArg: (name: string, value: unknown) => void;
  readonly onSize: (size: Size) => void;
  readonly onReset: () => void;
}

/** Args the simulated tenant decides, and why (shown as the disabled control's description). */
const FIXED_BY_SIMULATED_TENANT: Readonly<Record<string, string>> = {
  linked: 'The simulated tenant decides: the agent is linked to the Teams user that GET /me returns.',
  latency: 'The simulated tenant has its own latency (about 120 ms per request).',
};

/** Whether the page shows the simulated Microsoft 365 tenant. */
export function usesSimulatedTenant(page: DemoPage, args: Args): boolean {
  return page.argNames.has('directory') && args.directory === 'simulated';
}

function checkbox(state: ControlsState, callbacks: ControlsCallbacks, name: string, label: string): TemplateResult {
  const fixed = usesSimulatedTenant(state.page, state.args) ? FIXED_BY_SIMULATED_TENANT[name] : undefined;
  const enabled = state.page.argNames.has(name) && fixed === undefined;
  const description = fixed ?? state.page.argTypes[name]?.description;
  return html`<label class="control control-check" title=${description ?? ''}>
    <input
      type="checkbox"
      name=${name}
      .checked=${state.args[name] === true}
      ?disabled=${!enabled}
      @change=${(event: Event) => callbacks.onArg(name, (event.target as HTMLInputElement).checked)}
    />
    <span>${label}</span>
  </label>`;
}

function directorySelect(state: ControlsState, callbacks: ControlsCallbacks): TemplateResult {
  const enabled = state.page.argNames.has('directory');
  const current = isDirectoryChoice(state.args.directory) ? state.args.directory : 'demo';
  return html`<label class="control control-directory" title=${state.page.argTypes.directory?.description ?? ''}>
    <span>Directory</span>
    <select
      name="directory"
      ?disabled=${!enabled}
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (isDirectoryChoice(value)) callbacks.onArg('directory', value);
      }}
    >
      ${DIRECTORIES.map((directory) => html`<option value=${directory.value} .selected=${directory.value === current}>${directory.label}</option>`)}
    </select>
  </label>`;
}

/** English, Deutsch or العربية: each name in its own language (and direction), as language menus show them. */
function languageSelect(state: ControlsState, callbacks: ControlsCallbacks): TemplateResult {
  const enabled = state.page.argNames.has('language');
  const current = isLanguageChoice(state.args.language) ? state.args.language : 'en';
  return html`<label class="control control-language" title=${state.page.argTypes.language?.description ?? ''}>
    <span>Language</span>
    <select
      name="language"
      ?disabled=${!enabled}
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (isLanguageChoice(value)) callbacks.onArg('language', value);
      }}
    >
      ${LANGUAGES.map(
        (language) =>
          html`<option value=${language.value} lang=${language.value} dir=${language.dir} .selected=${language.value === current}>${language.label}</option>`,
      )}
    </select>
  </label>`;
}

export function controls(state: ControlsState, callbacks: ControlsCallbacks): TemplateResult {
  const modeEnabled = state.page.argNames.has('mode');
  const mode = state.args.mode === 'consult' ? 'consult' : 'outbound';
  const onMode = (event: Event): void => callbacks.onArg('mode', (event.target as HTMLInputElement).value);
  return html`<form class="controls" aria-labelledby="controls-title" @submit=${(event: Event) => event.preventDefault()}>
    <h2 id="controls-title" class="visually-hidden">Controls</h2>
    ${directorySelect(state, callbacks)} ${languageSelect(state, callbacks)}
    <fieldset class="control control-mode" ?disabled=${!modeEnabled}>
      <legend>Mode</legend>
      <label><input type="radio" name="mode" value="outbound" .checked=${mode === 'outbound'} @change=${onMode} /> Outbound</label>
      <label><input type="radio" name="mode" value="consult" .checked=${mode === 'consult'} @change=${onMode} /> Consult</label>
    </fieldset>
    ${checkbox(state, callbacks, 'consultToQueue', 'Consult to queue')} ${checkbox(state, callbacks, 'linked', 'Linked to Teams')}
    ${checkbox(state, callbacks, 'latency', 'Latency (150 ms)')}
    <label class="control control-size">
      <span>Size</span>
      <select
        name="size"
        @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          if (isSize(value)) callbacks.onSize(value);
        }}
      >
        ${SIZES.map((size) => html`<option value=${size.value} .selected=${size.value === state.size}>${size.label}</option>`)}
      </select>
    </label>
    <button type="button" class="control-reset" @click=${callbacks.onReset}>Reset story</button>
  </form>`;
}
