/**
 * The demo page (`npm start`): a small Storybook-like shell with no dependency beyond Lit and this package. The
 * sidebar lists the stories of every stories module and the embedding mocks, grouped by title; `location.hash`
 * selects one (`#address-book--consult`); the controls change its args and the canvas width. The Directory control
 * (the embedded demo directory or the simulated Microsoft 365 tenant) carries over to the next page that has it.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { StoriesModule } from '../stories/csf.js';
import * as addressBookStories from '../stories/address-book.stories.js';
import * as presenceIconStories from '../stories/presence-icon.stories.js';
import * as embeddings from './embeddings.js';
import { isDirectoryChoice, type DirectoryChoice } from '../stories/simulated-directory.js';
import { isLanguageChoice, type LanguageChoice } from '../stories/story-language.js';
import { controls, usesSimulatedTenant } from './controls.js';
import { groupPages, type Args, type DemoPage, type Size } from './pages.js';
import './simulator-panel.js';

const modules: readonly StoriesModule[] = [addressBookStories, presenceIconStories, embeddings];
const groups = groupPages(modules);
const pages = groups.flatMap((group) => group.pages);
const firstPage = pages[0];

interface PageState {
  readonly page: DemoPage | undefined;
  /** The hash asked for, to say which story was not found. */
  readonly requested: string;
  readonly args: Args;
  readonly size: Size;
  /** Bumped by "Reset story": the canvas is rebuilt from scratch. */
  readonly mount: number;
}

let state: PageState = { page: undefined, requested: '', args: {}, size: 'medium', mount: 0 };
/** The last Directory chosen: more an environment than a story arg, so it is kept from page to page. */
let directory: DirectoryChoice | undefined;
/** The last Language chosen: kept from page to page like the Directory. */
let language: LanguageChoice | undefined;
/** The story's template, rendered again only when its page, args or mount change (each render builds new adapters). */
let canvasCache: { readonly page: DemoPage; readonly args: Args; readonly mount: number; readonly template: TemplateResult } | undefined;

const app = document.getElementById('app');

function hashId(): string {
  return decodeURIComponent(location.hash.replace(/^#/, ''));
}

/** A page's args as it opens: its own, with the Directory and Language chosen last when it has those args. */
function openingArgs(page: DemoPage | undefined): Args {
  if (!page) return {};
  let args = page.args;
  if (directory !== undefined && page.argNames.has('directory')) args = { ...args, directory };
  if (language !== undefined && page.argNames.has('language')) args = { ...args, language };
  return args;
}

function selectFromHash(): void {
  const requested = hashId();
  if (requested === '' && firstPage) {
    history.replaceState(null, '', `#${firstPage.id}`);
  }
  const page = requested === '' ? firstPage : pages.find((candidate) => candidate.id === requested);
  if (page === state.page && page !== undefined) return;
  state = { page, requested, args: openingArgs(page), size: page?.defaultSize ?? state.size, mount: state.mount + 1 };
  document.title = page ? `${page.name} · ${page.group} — ContactPad address book` : 'Story not found — ContactPad address book';
  update();
}

function setArg(name: string, value: unknown): void {
  if (name === 'directory' && isDirectoryChoice(value)) directory = value;
  if (name === 'language' && isLanguageChoice(value)) language = value;
  state = { ...state, args: { ...state.args, [name]: value } };
  update();
}

function setSize(size: Size): void {
  state = { ...state, size };
  update();
}

function resetStory(): void {
  directory = undefined;
  language = undefined;
  state = { ...state, args: state.page?.args ?? {}, size: state.page?.defaultSize ?? state.size, mount: state.mount + 1 };
  update();
}

function skipToCanvas(event: Event): void {
  // The hash selects stories, so the skip link moves focus itself instead of following its href.
  event.preventDefault();
  document.getElementById('canvas')?.focus();
}

function canvasContent(page: DemoPage): TemplateResult {
  if (!canvasCache || canvasCache.page !== page || canvasCache.args !== state.args || canvasCache.mount !== state.mount) {
    canvasCache = { page, args: state.args, mount: state.mount, template: page.render(state.args) };
  }
  return canvasCache.template;
}

function sidebar(): TemplateResult {
  return html`<nav class="sidebar" aria-label="Stories">
    ${groups.map((group, index) => {
      const headingId = `group-${index}`;
      return html`<h2 class="group-title" id=${headingId}>${group.title}</h2>
        <ul class="story-links" aria-labelledby=${headingId}>
          ${group.pages.map(
            (page) => html`<li>
              <a href=${`#${page.id}`} aria-current=${page === state.page ? 'page' : nothing}>${page.name}</a>
            </li>`,
          )}
        </ul>`;
    })}
  </nav>`;
}

function notFound(): TemplateResult {
  return html`<div class="story-header">
      <h2 id="story-title">Story not found</h2>
      <p class="story-description">There is no story with the id “${state.requested}”. Choose one from the list.</p>
    </div>
    ${firstPage ? html`<p><a href=${`#${firstPage.id}`}>Go to ${firstPage.group}: ${firstPage.name}</a></p>` : nothing}`;
}

function storyView(page: DemoPage): TemplateResult {
  return html`<div class="story-header">
      <p class="story-group">${page.group}</p>
      <h2 id="story-title">${page.name}</h2>
      <p class="story-description">${page.description}</p>
    </div>
    ${controls({ page, args: state.args, size: state.size }, { onArg: setArg, onSize: setSize, onReset: resetStory })}
    ${usesSimulatedTenant(page, state.args) ? html`<demo-simulator-panel></demo-simulator-panel>` : nothing}
    <section id="canvas" class=${`canvas canvas-${state.size}`} aria-labelledby="story-title" tabindex="-1">
      ${keyed(`${page.id}/${state.mount}`, canvasContent(page))}
    </section>`;
}

function update(): void {
  if (!app) return;
  render(
    html`<a class="skip-link" href="#canvas" @click=${skipToCanvas}>Skip to the story</a>
      <header class="topbar">
        <h1>ContactPad address book</h1>
        <p>Stories and embeddings, running on a generated demo directory or a simulated Microsoft 365 tenant: no account needed.</p>
      </header>
      <div class="layout">
        ${sidebar()}
        <main class="main">${state.page ? storyView(state.page) : notFound()}</main>
      </div>`,
    app,
  );
}

window.addEventListener('hashchange', selectFromHash);
selectFromHash();
