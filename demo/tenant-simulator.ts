/**
 * `<demo-tenant-simulator>`: drives the VCC ⇄ Teams synchronisation model over the demo directory. Pick a linked
 * agent; the buttons change its Teams user's presence or move the agent through Ready → Busy → Wrap → Ready; the
 * interactions log lists the inbound interactions the model records for Teams calls. Beside it an address book over
 * the same directory shows the results, but only when it is opened again: presence is read when the book opens.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ContactpadAddressBook } from '../src/index.js';
import '../src/index.js';
import { createDemoDirectoryAdapter, createDemoTenant, type DemoDirectoryAdapter } from '../src/demo-directory/index.js';
import { STORY_PRESENCE_PERIOD_MS } from '../stories/story-adapters.js';
import { DEFAULT_LANGUAGE, inLanguage, languageOf, type StoryLanguage } from '../stories/story-language.js';
import { embeddingStyles } from './embedding-parts.js';
import { AGENT_ACTIONS, TEAMS_ACTIONS, TenantSimEngine, vccStateLabel, type AgentAction, type LinkedAgent, type TeamsAction } from './tenant-sim-engine.js';

const time = (at: number): string => new Date(at).toLocaleTimeString();

/**
 * A demo adapter over a tenant of the simulator's own: pinning presences here must not change what the other demo
 * pages show.
 */
function simulatorAdapter(): DemoDirectoryAdapter {
  return createDemoDirectoryAdapter({ tenant: createDemoTenant({ presencePeriodMs: STORY_PRESENCE_PERIOD_MS }) });
}

export class DemoTenantSimulator extends LitElement {
  static override styles = [
    embeddingStyles,
    css`
      :host {
        container-type: inline-size;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      @container (min-width: 44rem) {
        .columns {
          grid-template-columns: minmax(18rem, 1.2fr) minmax(18rem, 1fr);
        }
      }
      .sides {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0.75rem;
        margin-block: 0.75rem;
      }
      .side {
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--demo-border, #c7c7cf);
        border-radius: 8px;
      }
      .side h4 {
        margin: 0 0 0.375rem;
        font-size: 1rem;
      }
      dl {
        margin: 0;
      }
      dt {
        color: var(--demo-muted, #5c5c66);
        font-size: 0.875rem;
      }
      dd {
        margin: 0 0 0.375rem;
        font-weight: 600;
      }
      fieldset {
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem 0.75rem;
        border: 1px solid var(--demo-border, #c7c7cf);
        border-radius: 8px;
      }
      legend {
        font-weight: 600;
      }
      select {
        font: inherit;
        padding: 0.4rem;
        max-inline-size: 100%;
      }
      h4.log-title {
        margin: 0.75rem 0 0.25rem;
        font-size: 1rem;
      }
      ol {
        margin: 0;
        padding-inline-start: 1.25rem;
        max-block-size: 12rem;
        overflow: auto;
        font-size: 0.875rem;
      }
      .empty {
        margin: 0;
        color: var(--demo-muted, #5c5c66);
        font-size: 0.875rem;
      }
    `,
  ];

  /** The demo directory the model drives; one over a tenant of its own by default. Read once, when first rendered. */
  @property({ attribute: false }) demoAdapter: DemoDirectoryAdapter | undefined;
  /** The book's language (lang, dir and strings), as the demo's Language control sets it. */
  @property({ attribute: false }) language: StoryLanguage = languageOf(DEFAULT_LANGUAGE);

  @state() private agentId = '';
  /** Bumped after every action, so the element renders the engine's new state. */
  @state() private revision = 0;
  @state() private bookOpen = false;

  @query('contactpad-address-book') private book!: ContactpadAddressBook;

  private simEngine: TenantSimEngine | undefined;

  /** The engine, made on first use over {@link demoAdapter}. */
  get engine(): TenantSimEngine {
    this.simEngine ??= new TenantSimEngine(this.demoAdapter ?? simulatorAdapter());
    return this.simEngine;
  }

  private get linked(): LinkedAgent | undefined {
    return this.engine.linkedAgents.find((candidate) => candidate.agent.id === this.agentId) ?? this.engine.firstAgent;
  }

  override render(): TemplateResult {
    const linked = this.linked;
    return html`<div class="columns" data-revision=${this.revision}>
      <section class="card" aria-labelledby="sim-title">
        <h3 id="sim-title">Tenant simulator</h3>
        ${linked ? this.renderSimulator(linked) : html`<p class="empty">The demo tenant has no agent linked to a Teams user.</p>`}
      </section>
      <section class="card" aria-labelledby="book-title">
        <h3 id="book-title">Address book</h3>
        <div class="row" role="group" aria-label="Address book">
          <button type="button" aria-expanded=${this.bookOpen ? 'true' : 'false'} aria-controls="book" ?disabled=${this.bookOpen} @click=${this.openBook}>
            Open
          </button>
          <button type="button" ?disabled=${!this.bookOpen} @click=${this.closeBook}>Close</button>
        </div>
        <p class="hint">Presence is read when the book opens: changes appear after you close and reopen it.</p>
        <!-- max-age="0": the book reuses a loaded directory for 30 minutes by default, and the VCC states the
             simulator sets are in the directory listing; 0 lists the directory again every time the book opens. -->
        <contactpad-address-book
          id="book"
          mode="outbound"
          ${inLanguage(this.language)}
          max-age="0"
          .adapter=${this.engine.adapter}
          @contactpad-show=${this.onShow}
          @contactpad-hide=${this.onHide}
        ></contactpad-address-book>
      </section>
    </div>`;
  }

  private renderSimulator(linked: LinkedAgent): TemplateResult {
    const syncState = this.engine.stateOf(linked.agent.id);
    const teams = this.engine.teamsShownFor(linked.teamsUserId);
    return html`<label for="agent">Linked agent</label>
      <select id="agent" @change=${this.onAgentChange}>
        ${this.engine.linkedAgents.map(
          ({ agent, teamsName }) =>
            html`<option value=${agent.id} .selected=${agent.id === linked.agent.id}>${agent.name} — linked to ${teamsName}</option>`,
        )}
      </select>
      <div class="sides">
        <div class="side" aria-labelledby="vcc-side">
          <h4 id="vcc-side">VCC agent</h4>
          <dl>
            <dt>Name</dt>
            <dd>${linked.agent.name}</dd>
            <dt>State</dt>
            <dd class="vcc-state">${syncState ? vccStateLabel(syncState.vccState, syncState.vccStateName) : 'Unknown'}</dd>
          </dl>
        </div>
        <div class="side" aria-labelledby="teams-side">
          <h4 id="teams-side">Teams user</h4>
          <dl>
            <dt>Name</dt>
            <dd class="teams-name">${linked.teamsName}</dd>
            <dt>Presence</dt>
            <dd class="teams-presence">${teams ? `${teams.availability} / ${teams.activity}` : 'Unknown'}</dd>
          </dl>
        </div>
      </div>
      <fieldset>
        <legend>Teams user ${linked.teamsName}</legend>
        <div class="row">
          ${TEAMS_ACTIONS.map(
            (action) => html`<button type="button" data-teams=${action.activity} @click=${() => this.teams(linked, action)}>${action.label}</button>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>VCC agent ${linked.agent.name}</legend>
        <p class="help">Ready → Busy starts a VCC interaction; Wrap ends it and starts wrap; Ready then ends wrap.</p>
        <div class="row">
          ${AGENT_ACTIONS.map(
            ({ action, label }) =>
              html`<button type="button" data-agent=${action} @click=${() => this.agent(linked, action)}>${label}</button>`,
          )}
        </div>
      </fieldset>
      ${this.renderLogs()}`;
  }

  private renderLogs(): TemplateResult {
    const { interactions, events } = this.engine;
    return html`<h4 class="log-title" id="interactions-title">Interactions (newest first)</h4>
      ${interactions.length === 0 ? html`<p class="empty">No interaction yet: put the Teams user in a call.</p>` : nothing}
      <ol class="interactions" role="log" aria-labelledby="interactions-title">
        ${interactions.map(
          ({ key, change, interaction }) =>
            html`<li data-key=${key} data-change=${change} data-direction=${interaction.direction}>
              ${time(change === 'closed' ? (interaction.endedAt ?? interaction.startedAt) : interaction.startedAt)}:
              ${change === 'created' ? 'created' : 'closed'} ${interaction.direction} interaction ${interaction.id} (Teams
              ${interaction.activity})
            </li>`,
        )}
      </ol>
      <h4 class="log-title" id="events-title">Events (newest first)</h4>
      <ol class="events" role="log" aria-labelledby="events-title">
        ${events.map(({ key, at, text }) => html`<li data-key=${key}>${time(at)}: ${text}</li>`)}
      </ol>`;
  }

  private onAgentChange(event: Event): void {
    this.agentId = (event.target as HTMLSelectElement).value;
  }

  private teams(linked: LinkedAgent, action: TeamsAction): void {
    this.engine.teams(linked, action);
    this.revision += 1;
  }

  private agent(linked: LinkedAgent, action: AgentAction): void {
    this.engine.agent(linked, action);
    this.revision += 1;
  }

  private async openBook(): Promise<void> {
    await this.book.show();
  }

  private async closeBook(): Promise<void> {
    await this.book.hide();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button[aria-controls="book"]')?.focus();
  }

  private onShow(): void {
    this.bookOpen = true;
  }

  private onHide(): void {
    this.bookOpen = false;
  }
}

if (!customElements.get('demo-tenant-simulator')) customElements.define('demo-tenant-simulator', DemoTenantSimulator);

declare global {
  interface HTMLElementTagNameMap {
    'demo-tenant-simulator': DemoTenantSimulator;
  }
}
