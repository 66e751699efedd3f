import { html, nothing, type PropertyValues } from 'lit';
import { ContactpadElement } from '../internal/contactpad-element.js';
import { property, query, state } from 'lit/decorators.js';
import { isPresence, parsePresence, unknownPresence, type Presence } from '../presence/presence.js';
import { DEFAULT_PRESENCE_STRINGS, describePresence, type PresenceStrings } from './presence-strings.js';
import { presenceShape } from './presence-shapes.js';
import styles from './presence-icon.styles.js';
import { closestLang } from '../internal/closest-lang.js';
import { timeFormat } from '../internal/intl.js';
import { FloatingController } from '../internal/floating-controller.js';

/**
 * How long the tooltip stays after the pointer leaves, so the pointer can cross the gap onto the tooltip
 * (WCAG 1.4.13: content shown on hover must itself be hoverable).
 */
const HIDE_DELAY_MS = 150;
/** Gap between the icon and its tooltip, in CSS pixels. */
const TOOLTIP_OFFSET_PX = 6;

/**
 * @tagname contactpad-presence-icon
 * @summary A Teams or VCC presence as an icon whose shape (not only its colour) tells the state, with an accessible
 * name ("Busy, In a call") and a tooltip that also says when the presence was read.
 *
 * @remarks
 * Where the presence comes from, highest precedence first:
 * 1. the `presence` property (a {@link Presence}, e.g. from `parsePresence` or `presenceFromVccState`);
 * 2. the `availability` and `activity` attributes (Microsoft Graph strings, any casing), parsed with `parsePresence`;
 * 3. otherwise Unknown: never "available" by default.
 * Setting `presence` to `null` or `undefined` goes back to the attributes.
 *
 * The tooltip shows on pointer hover and while focus is within the element (give the element `tabindex="0"` to make
 * it a tab stop), and hides when the pointer leaves, on blur and on Escape. Hosts that keep focus elsewhere (a
 * combobox with `aria-activedescendant`) can call `showTooltip()` / `hideTooltip()`.
 *
 * A host that says the presence in its own words (a list row whose accessible name includes it) sets `decorative`:
 * the icon and its tooltip are then hidden from assistive technology. `aria-hidden` on an ancestor is not enough:
 * Chromium still takes the shadow root's `role="img"` name into an ancestor's name computed from its content.
 *
 * @csspart base - The wrapper with `role="img"` and the accessible name.
 * @csspart icon - The `<svg>` (hidden from assistive technology).
 * @csspart tooltip - The tooltip (`role="tooltip"`), positioned with fixed positioning.
 *
 * @cssprop [--contactpad-presence-size=16px] - The icon's width and height.
 * @cssprop [--contactpad-presence-available=#13a10e] - Colour of Available and Available idle.
 * @cssprop [--contactpad-presence-busy=#c4314b] - Colour of Busy and Busy idle.
 * @cssprop [--contactpad-presence-away=#c27c0e] - Colour of Away and Be right back.
 * @cssprop [--contactpad-presence-do-not-disturb=#c4314b] - Colour of Do not disturb.
 * @cssprop [--contactpad-presence-offline=#707070] - Colour of Offline.
 * @cssprop [--contactpad-presence-unknown=#707070] - Colour of Unknown.
 * @cssprop [--contactpad-presence-mark=#fff] - Colour of the marks cut out of filled icons (check, clock, bar).
 * @cssprop [--contactpad-presence-tooltip-background=#242424] - The tooltip's background.
 * @cssprop [--contactpad-presence-tooltip-color=#fff] - The tooltip's text colour.
 * @cssprop [--contactpad-presence-tooltip-max-width=16rem] - The tooltip's widest extent before it wraps.
 * @cssprop [--contactpad-presence-tooltip-z-index=1000] - The tooltip's stacking order.
 * @cssprop --contactpad-font-family - The tooltip's font family (default `system-ui`).
 */
export class ContactpadPresenceIcon extends ContactpadElement {
  static override styles = styles;

  /** Set through the `presence` property; `null` means "use the attributes". */
  private explicitPresence: Presence | null = null;

  /**
   * The presence to show. Takes precedence over the `availability` and `activity` attributes; reads back the presence
   * actually shown (Unknown when nothing was given). Set `null` to fall back to the attributes.
   */
  @property({ attribute: false })
  get presence(): Presence {
    if (this.explicitPresence !== null) return this.explicitPresence;
    if (this.availability === null && this.activity === null) return unknownPresence();
    // An attribute gives no read time: the tooltip then leaves the "Read at" line out.
    return parsePresence({ availability: this.availability, activity: this.activity }, null);
  }
  set presence(value: Presence | null | undefined) {
    // Host pages set this at run time, typed or not: a malformed presence shows Unknown, never a half-drawn guess.
    this.explicitPresence = value === null || value === undefined ? null : isPresence(value) ? value : unknownPresence();
  }

  /**
   * A Microsoft Graph `availability` (`Busy`, `doNotDisturb`…), matched case-insensitively; anything unrecognised
   * shows Unknown. Used only when the `presence` property is not set.
   */
  @property() availability: string | null = null;

  /** A Microsoft Graph `activity` (`InACall`…) refining `availability`. Used only when `presence` is not set. */
  @property() activity: string | null = null;

  /** Overrides the accessible name, which is otherwise the presence in words ("Busy, In a call"). */
  @property() label = '';

  /**
   * Hides the icon and its tooltip from assistive technology, for a host that says the presence in its own words
   * (the address book's rows do). The tooltip still shows.
   */
  @property({ type: Boolean, reflect: true }) decorative = false;

  /** The words used for the accessible name and the tooltip; replace to translate. */
  @property({ attribute: false }) strings: PresenceStrings = DEFAULT_PRESENCE_STRINGS;

  @state() private tooltipOpen = false;

  @query('.base') private base!: HTMLElement;
  @query('.tooltip') private tooltip!: HTMLElement;

  private hovered = false;
  private focused = false;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Places the tooltip, made when it first opens: a list renders an icon per row, and few of them ever show one.
   * Hidden until placed: the tooltip takes no focus, and would show at the viewport's corner meanwhile.
   */
  private floating: FloatingController | undefined;

  constructor() {
    super();
    this.addEventListener('pointerenter', this.handlePointerEnter);
    this.addEventListener('pointerleave', this.handlePointerLeave);
    this.addEventListener('focusin', this.handleFocusIn);
    this.addEventListener('focusout', this.handleFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed icon (a virtualised row scrolled away) must not keep autoUpdate's listeners and observers alive.
    this.hovered = false;
    this.focused = false;
    this.closeTooltip();
  }

  /** Shows the tooltip, e.g. for the active row of a list whose focus stays in a search field. */
  showTooltip(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
    if (this.tooltipOpen || !this.isConnected) return;
    this.tooltipOpen = true;
    // Capture phase: Escape must dismiss the tooltip even when something on the way stops the event.
    document.addEventListener('keydown', this.handleDocumentKeyDown, true);
  }

  /** Hides the tooltip. */
  hideTooltip(): void {
    this.closeTooltip();
  }

  private closeTooltip(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
    document.removeEventListener('keydown', this.handleDocumentKeyDown, true);
    this.floating?.stop();
    this.tooltipOpen = false;
  }

  private handlePointerEnter = (): void => {
    this.hovered = true;
    this.showTooltip();
  };

  private handlePointerLeave = (): void => {
    this.hovered = false;
    if (this.focused) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.hovered && !this.focused) this.closeTooltip();
    }, HIDE_DELAY_MS);
  };

  private handleFocusIn = (): void => {
    this.focused = true;
    this.showTooltip();
  };

  private handleFocusOut = (event: FocusEvent): void => {
    // Focus moving between nodes inside the element is not a blur of the element.
    if (event.relatedTarget instanceof Node && this.contains(event.relatedTarget)) return;
    this.focused = false;
    if (!this.hovered) this.closeTooltip();
  };

  private handleDocumentKeyDown = (event: KeyboardEvent): void => {
    // The tooltip is dismissed without moving pointer or focus (WCAG 1.4.13). The event goes on: a dialog around
    // the icon may also want Escape.
    if (event.key === 'Escape') this.closeTooltip();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('tooltipOpen') && this.tooltipOpen) {
      this.floating ??= new FloatingController(this, { placement: 'top', offset: TOOLTIP_OFFSET_PX, padding: 4, hideUntilPlaced: true });
      this.floating.start(this.base, this.tooltip);
    }
  }

  private readTimeText(readAt: number): string {
    return this.strings.readAt(timeFormat(closestLang(this) ?? navigator.language).format(readAt));
  }

  protected override render(): unknown {
    const presence = this.presence;
    const strings = this.strings;
    const name = this.label.trim() === '' ? describePresence(presence, strings) : this.label;
    const stateLabel = strings.states[presence.state] ?? strings.states.unknown;
    const activity = presence.activity === null ? undefined : strings.activities[presence.activity];
    const readAt = presence.readAt === null ? undefined : this.readTimeText(presence.readAt);
    return html`
      <span
        part="base"
        class="base base--${presence.state}"
        role="img"
        aria-label=${name}
        aria-hidden=${this.decorative ? 'true' : nothing}
        aria-describedby=${readAt === undefined ? nothing : 'read-at'}
      >
        <svg part="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${presenceShape(presence.state)}</svg>
      </span>
      <div part="tooltip" class="tooltip" role="tooltip" ?hidden=${!this.tooltipOpen} aria-hidden=${this.decorative ? 'true' : nothing}>
        <span class="tooltip__line tooltip__state">${stateLabel}</span>
        ${activity === undefined ? nothing : html`<span class="tooltip__line tooltip__activity">${activity}</span>`}
        ${presence.detail === undefined || presence.detail === ''
          ? nothing
          : html`<span class="tooltip__line tooltip__detail">${presence.detail}</span>`}
        ${readAt === undefined ? nothing : html`<span class="tooltip__line tooltip__read-at" id="read-at">${readAt}</span>`}
      </div>
    `;
  }
}
