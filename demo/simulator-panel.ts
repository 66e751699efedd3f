/**
 * `<demo-simulator-panel>`: shown while a page runs on the simulated Microsoft 365 tenant. It says where the Teams
 * entries come from and, when the simulator's control API answers (the Vite dev server of `npm start` mounts it at
 * `/__sim/*`), offers two buttons that drive it: throttle the next presence request, advance the presence clock.
 * Their results go to a polite live region.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';

type ControlApi = 'checking' | 'available' | 'unavailable';

/** Whether `/__sim/*` answers, asked once per page load. */
let controlApi: Promise<boolean> | undefined;

function probeControlApi(): Promise<boolean> {
  controlApi ??= fetch('/__sim/state', { headers: { accept: 'application/json' } }).then(
    (response) => response.ok && (response.headers.get('content-type') ?? '').includes('application/json'),
    () => false,
  );
  return controlApi;
}

/** POSTs JSON to the control API; the answer's JSON, or an Error that says what went wrong. */
async function postToSimulator(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`the simulator answered HTTP ${response.status}`);
  return (await response.json()) as unknown;
}

function numberField(value: unknown, name: string): number | undefined {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}

export class DemoSimulatorPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-block-end: 1rem;
    }
    .panel {
      padding: 0.625rem 0.875rem;
      background: var(--demo-surface, Canvas);
      border: 1px solid var(--demo-border, #c7c7cf);
      border-inline-start: 4px solid var(--demo-accent, #4f52b2);
      border-radius: 8px;
    }
    p {
      margin: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.5rem;
    }
    button {
      padding: 0.3rem 0.7rem;
      font: inherit;
      font-size: 0.875rem;
      color: inherit;
      background: var(--demo-button, #f1f1f6);
      border: 1px solid var(--demo-border, #8a8a96);
      border-radius: 6px;
      cursor: pointer;
    }
    button:hover {
      background: var(--demo-button-hover, #e3e3ee);
    }
    :focus-visible {
      outline: 3px solid var(--demo-focus, #4f52b2);
      outline-offset: 2px;
    }
    .muted,
    .result {
      color: var(--demo-muted, #5c5c66);
      font-size: 0.875rem;
    }
    .muted {
      margin-block-start: 0.5rem;
    }
    .result:not(:empty) {
      margin-block-start: 0.375rem;
    }
  `;

  @state() private api: ControlApi = 'checking';
  @state() private result = '';

  /** A request to the control API is under way: further presses wait for it (the buttons keep their focus). */
  private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void probeControlApi().then((available) => {
      this.api = available ? 'available' : 'unavailable';
    });
  }

  override render(): TemplateResult {
    return html`<section class="panel" aria-label="Simulated Microsoft 365 tenant">
      <p>
        Teams entries come from a simulated Microsoft 365 tenant over HTTP through the real Microsoft Graph adapter;
        presences change every minute — close and reopen the book to see them.
      </p>
      ${this.renderControls()}
      <p class="result" role="status" aria-live="polite">${this.result}</p>
    </section>`;
  }

  private renderControls(): TemplateResult | typeof nothing {
    if (this.api === 'checking') return nothing;
    if (this.api === 'unavailable') {
      return html`<p class="muted">The simulator’s control API is not available here: it is served only by <code>npm start</code>.</p>`;
    }
    return html`<div class="row" role="group" aria-label="Simulator controls">
      <button type="button" @click=${this.throttlePresence}>Throttle next presence request (429, Retry-After 2 s)</button>
      <button type="button" @click=${this.advanceClock}>Advance presence clock by 1 minute</button>
    </div>`;
  }

  private async throttlePresence(): Promise<void> {
    await this.run('Throttling', async () => {
      const answer = await postToSimulator('/__sim/faults', [{ match: 'presence', status: 429, retryAfter: '2' }]);
      const queued = numberField(answer, 'queued');
      return `The next presence request will get 429 Too Many Requests with Retry-After: 2 s${
        queued === undefined ? '' : ` (faults queued: ${queued})`
      }. Close and reopen the book: presences arrive once the adapter has waited and retried.`;
    });
  }

  private async advanceClock(): Promise<void> {
    await this.run('Advancing the clock', async () => {
      const now = numberField(await postToSimulator('/__sim/clock', { advanceMs: 60_000 }), 'now');
      const time = now === undefined ? '' : ` (simulator time ${new Date(now).toLocaleTimeString()})`;
      return `Presence clock advanced by 1 minute${time}. Close and reopen the book to see the new presences.`;
    });
  }

  private async run(what: string, action: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    // Emptied first, so the same message twice is announced twice.
    this.result = '';
    try {
      this.result = await action();
    } catch (error) {
      this.result = `${what} failed: ${error instanceof Error ? error.message : String(error)}.`;
    } finally {
      this.busy = false;
    }
  }
}

if (!customElements.get('demo-simulator-panel')) customElements.define('demo-simulator-panel', DemoSimulatorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'demo-simulator-panel': DemoSimulatorPanel;
  }
}
