import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DirectoryAdapter } from '../directory/adapter.js';
import type { SignInRequiredError } from '../directory/errors.js';
import { DEFAULT_LOAD_DEADLINE_MS, DEFAULT_MAX_AGE_MS } from '../directory/directory-cache.js';
import { offeredKinds, type BookMode } from '../directory/dial-policy.js';
import { isEntryKind, type DirectoryEntry, type EntryKind } from '../directory/entry.js';
import { queryWords } from '../directory/text.js';
import type { Presence } from '../presence/presence.js';
import { DEFAULT_PRESENCE_STRINGS, type PresenceStrings } from '../presence-icon/presence-strings.js';
import '../presence-icon/presence-icon.js';
import { isPresenceMapping, type PresenceMapping } from '../sync/vcc-mapping.js';
import { ContactpadElement } from '../internal/contactpad-element.js';
import { closestLang } from '../internal/closest-lang.js';
import { preloadFloating } from '../internal/floating.js';
import { styleProperties } from '../internal/style-properties.js';
import { styles } from './address-book.styles.js';
import { filterKinds } from './result-rows.js';
import { bookMessage, bookProblems, directoryNotices } from './status-templates.js';
import { BookProblems } from './book-problems.js';
import { searchRow } from './search-field.js';
import { numberMenu } from '../number-menu/number-menu.template.js';
import { DirectoryController } from './directory-controller.js';
import { windowedOptions, type OptionContext } from './option-template.js';
import { PresenceController } from './presence-controller.js';
import { ResultsController } from './results-controller.js';
import { ListboxWindowController, type RowRange } from './listbox-window.js';
import { SelectionController } from './selection-controller.js';
import { FocusReturn } from './focus-return.js';
import { ActiveRowTooltip } from './active-row-tooltip.js';
import { bookText, type AddressBookStrings, type BookText } from './strings.js';
import {
  reportFailure,
  type ContactpadErrorDetail,
  type ContactpadSelectDetail,
  type ContactpadSignInDetail,
} from './events.js';

let nextBookId = 0;

/**
 * @tagname contactpad-address-book
 * @summary Lists everything a contact-centre agent can dial — Microsoft Teams users with a number, Teams auto
 * attendants and call queues, contact-centre agents, groups, interaction plans and contacts — with presence, search
 * as you type and a typed-number row. Presence is refreshed only when the book opens.
 *
 * @event contactpad-select - The agent chose an entry or a typed number. `detail: { entry, number, mode }`
 *   (`entry` is `null` for a typed number; `number` is `null` for a contact-centre entity dialled by id).
 *   Cancelable: the book closes unless the event is cancelled.
 * @event contactpad-error - Something failed (a source, presence, malformed entries); reported once per problem.
 *   `detail: { operation, message, error, source? }`: `message` is the book's own sentence for the operation (with
 *   the HTTP status when known), never a server's text; `error` is the raw error, for developers. The book keeps
 *   working.
 * @event contactpad-sign-in-required - A source needs the agent to sign in (e.g. to Microsoft 365); the book shows a
 *   Sign in button that calls the source's `signIn()` from the click. `detail: { source?, message }`.
 * @event contactpad-show - The book opened.
 * @event contactpad-hide - The book closed. Focus then goes back to what opened the book, else near it; focus a
 *   listener moves outside the book stays there.
 *
 * @slot header - Content above the search field (e.g. a title).
 * @slot empty - Replaces the message shown when the directory has no entries.
 *
 * @csspart base - The book's surface.
 * @csspart search - The search row.
 * @csspart search-input - The search field (the combobox).
 * @csspart kind-filter - The kind filter (a native select).
 * @csspart listbox - The list of results.
 * @csspart option - A result row.
 * @csspart typed-number - The row that dials the typed number (also an `option`).
 * @csspart option-name - A row's name.
 * @csspart option-detail - A row's second line (job title, department…).
 * @csspart option-number - A row's number.
 * @csspart option-more - How many more numbers a row has.
 * @csspart kind-badge - A row's kind (not shown for Teams users).
 * @csspart presence-icon - A row's presence icon.
 * @csspart highlight - The matched part of a name, detail or number.
 * @csspart message - A state message (loading, empty, no matches).
 * @csspart hint - The "link to Teams" hint.
 * @csspart error - A failed source's message.
 * @csspart retry-button - Its retry button.
 * @csspart sign-in-button - The button that signs in to a source that needs it.
 * @csspart notice - A non-blocking notice (presence failed, entries skipped).
 * @csspart number-menu - The menu of an entry's numbers (the element).
 * @csspart number-menu-surface - The menu's surface.
 * @csspart number-menu-item - A number in the menu.
 * @csspart skeleton - A placeholder row while loading.
 * @csspart progress - How far the directory load has got, when the adapter reports it (a `progressbar`).
 *
 * @cssprop [--contactpad-font=inherit] - Font of the book.
 * @cssprop [--contactpad-surface=#ffffff] - Background of the book and menu (dark scheme: #1f1f23; see README, Themes).
 * @cssprop [--contactpad-text=#1b1b1f] - Text colour.
 * @cssprop [--contactpad-muted-text=#5c5c66] - Colour of second lines, badges and messages.
 * @cssprop [--contactpad-border=#c7c7cf] - Borders.
 * @cssprop [--contactpad-accent=#4f52b2] - Accent (focus ring, retry button).
 * @cssprop [--contactpad-active-row=#ebebf5] - Background of the active row.
 * @cssprop [--contactpad-highlight=#fde68a] - Background of matched text.
 * @cssprop [--contactpad-error=#b3261e] - Colour of error messages.
 * @cssprop [--contactpad-radius=8px] - Corner radius.
 * @cssprop [--contactpad-row-height=3.25rem] - Height of every result row, whatever its content (long texts end in an ellipsis).
 * @cssprop [--contactpad-max-height=28rem] - Maximum height of the list before it scrolls.
 */
export class ContactpadAddressBook extends ContactpadElement {
  static override styles = styles;

  /** Where entries and presences come from. */
  @property({ attribute: false }) adapter: DirectoryAdapter | undefined;
  /** Whether the book is open. Opening refreshes presence; nothing refreshes it while open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** How the book is embedded: `outbound` (a new call) or `consult` (during a call). */
  @property({ reflect: true }) mode: BookMode = 'outbound';
  /** Whether the account has consult-to-queue: offers groups and interaction plans in consult mode. */
  @property({ type: Boolean, attribute: 'consult-to-queue' }) consultToQueue = false;
  /** The kinds offered, replacing the default for both modes. */
  @property({ attribute: false }) kinds: readonly EntryKind[] | undefined;
  /** How long a loaded directory is reused, in milliseconds (default 30 minutes). */
  @property({ type: Number, attribute: 'max-age' }) maxAge = DEFAULT_MAX_AGE_MS;
  /**
   * How long a whole directory load may take, in milliseconds (default 3 minutes). Sources still listing then are
   * shown as failed, with a retry; what the others listed stays.
   */
  @property({ type: Number, attribute: 'load-deadline' }) loadDeadline = DEFAULT_LOAD_DEADLINE_MS;
  /** Replaces any of the book's strings. */
  @property({ attribute: false }) strings: Partial<AddressBookStrings> | undefined;
  /** Replaces any of the presence strings. */
  @property({ attribute: false }) presenceStrings: PresenceStrings = DEFAULT_PRESENCE_STRINGS;
  /**
   * The VCC ⇄ Teams presence mapping (`createPresenceMapping` from `contactpad-address-book/presence`); unset, the
   * defaults. An agent's icon shows the Teams availability this mapping publishes for their VCC state, custom states
   * included.
   */
  @property({ attribute: false }) presenceMapping: PresenceMapping | undefined;
  /** The search text. */
  @property() query = '';

  @state() private kindFilter: EntryKind | 'all' = 'all';

  @query('input') private input!: HTMLInputElement;
  @query('[part="listbox"]') private listbox!: HTMLElement | null;
  private readonly listboxWindow = new ListboxWindowController(this, {
    scroller: () => this.listbox,
    onVisible: (visible) => this.presence.rowsInView(this.selection.rows, visible),
  });
  private readonly idPrefix = `contactpad-book-${nextBookId++}`;
  private readonly focusReturn = new FocusReturn(this);
  /** The active row, the listbox keys, choosing a row and the number menu (after the window: it reveals rows). */
  private readonly selection = new SelectionController(this, this.idPrefix, this.listboxWindow);
  /** The active row's presence tooltip while the agent moves with the keyboard (it handles the search field's keys). */
  private readonly activeTooltip = new ActiveRowTooltip(this, this.selection);
  /** A load's problems reported once; this open's notices and sign-in. */
  private readonly problems = new BookProblems(this);
  private readonly directory = new DirectoryController(this, {
    onLoaded: (directory) => this.problems.loaded(directory, this.text),
    onError: (error) => reportFailure(this, 'list-entries', error),
  });
  private readonly results = new ResultsController(this, {
    inputs: () => ({
      directory: this.directory.directory,
      adapter: this.adapter,
      query: this.query,
      offered: this.offered,
      kindFilter: this.kindFilter,
      locale: this.locale,
    }),
    onServerError: (error) => this.problems.openFailed('search-entries', error, this.text.serverSearchFailed),
  });
  private readonly presence = new PresenceController(this, (error) => this.problems.openFailed('get-presences', error, this.text.presenceFailed));

  /** The strings with the host's overrides, counts in the book's language (its nearest `lang`). */
  private get text(): BookText {
    return bookText(this.strings, this.locale);
  }

  /** Opens the book; resolves once it is rendered. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the book; resolves once it is rendered. */
  async hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
  }

  /** Reloads the directory now, ignoring the cache. */
  refresh(): void {
    this.directory.reload();
  }

  /** Resolves when the directory load in progress, if any, has settled. */
  get loadComplete(): Promise<unknown> {
    return this.directory.loadComplete;
  }

  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM while open: disconnecting ended this open's loads, so start them again.
    if (this.open && this.hasUpdated) this.startOpenSession();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Host code, typed or not (the overrides passed instead of createPresenceMapping's result): the agents show the
    // defaults (presenceFromVccState takes only a mapping it made), and the host hears of it once.
    if (changed.has('presenceMapping') && this.presenceMapping !== undefined && !isPresenceMapping(this.presenceMapping)) {
      reportFailure(this, 'presence-mapping', new TypeError('presenceMapping: not a PresenceMapping'));
    }
    if (changed.has('adapter') && changed.get('adapter') !== undefined) {
      this.directory.reset();
      this.presence.clear();
    }
    // Closed and reopened within one task is no change at all.
    if (changed.has('open') && this.open && changed.get('open') !== true) this.opened();
    if (changed.has('open') && !this.open && changed.get('open') === true) this.closed();
    // A new adapter while open: a new presence session and directory, but no second "show".
    if (changed.has('adapter') && this.open && !changed.has('open')) this.startOpenSession();
    const loaded = this.directory.directory;
    const offered = this.offered;
    if (this.kindFilter !== 'all' && !filterKinds(loaded, offered).includes(this.kindFilter)) this.kindFilter = 'all';
    // New rows: after a new search (the query, the filter, what the mode offers) the first row is active, after any
    // other update the active row follows its entry; rows now in view need presence (asked once per user per open).
    const rows = this.results.rows;
    const resultsChanged = this.selection.setRows(rows, [this.query, this.kindFilter, ...offered].join('\u0000'));
    this.presence.rowsUpdated(rows, this.listboxWindow.visible(), resultsChanged, loaded !== undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.input?.focus();
  }

  private get offered(): ReadonlySet<EntryKind> {
    return offeredKinds(this.mode, { consultToQueue: this.consultToQueue, kinds: this.kinds });
  }

  private get locale(): string | undefined {
    return closestLang(this);
  }

  private opened(): void {
    // floating-ui, for the number menu and the presence tooltips: fetched while the directory loads, not on first use.
    preloadFloating();
    this.focusReturn.remember();
    this.startOpenSession();
    this.emit('contactpad-show', undefined);
  }

  private startOpenSession(): void {
    this.problems.clear();
    this.listboxWindow.reset();
    this.selection.reset();
    this.presence.begin(this.adapter);
    this.directory.ensureFresh();
  }

  private closed(): void {
    this.activeTooltip.clear();
    this.presence.end();
    this.selection.closeMenu();
    this.emit('contactpad-hide', undefined);
    this.focusReturn.restore();
  }

  private presenceOf = (entry: DirectoryEntry): Presence | undefined =>
    this.presence.presenceFor(entry, this.presenceStrings, this.presenceMapping);

  private retry(): void {
    this.refresh();
    this.input?.focus();
  }

  // An arrow: the problems template calls it from its own click handler, not as a Lit listener. Signed in, presence
  // is asked anew, as the directory is.
  private signIn = (error: SignInRequiredError): Promise<void> =>
    this.problems.signIn(error, () => {
      this.presence.begin(this.adapter);
      this.retry();
    });

  override render(): TemplateResult {
    const text = this.text;
    const loaded = this.directory.directory;
    const listboxId = `${this.idPrefix}-listbox`;
    const { selection } = this;
    const rowRange = this.listboxWindow.range(selection.rows.length);
    // aria-activedescendant names only a row in the DOM: the agent may scroll the active row out of the window.
    const activeRendered = selection.activeIndex >= rowRange.start && selection.activeIndex < rowRange.end;
    return html`<div part="base" class="base" @keydown=${selection.onBaseKeyDown}>
      <slot name="header"></slot>
      ${searchRow({
        text,
        listboxId,
        activeId: activeRendered ? selection.activeId : undefined,
        query: this.query,
        kinds: filterKinds(loaded, this.offered),
        kindFilter: this.kindFilter,
        onInput: this.onInput,
        onKeyDown: this.activeTooltip.onKeyDown,
        onKindChange: this.onKindChange,
      })}
      ${bookProblems({
        text,
        directory: loaded,
        failure: this.directory.failure,
        notices: [...directoryNotices(loaded, text), ...this.problems.notices],
        openSignIn: this.problems.openSignIn,
        onRetry: this.retry,
        onSignIn: this.signIn,
      })}
      <div
        part="listbox"
        class="listbox"
        role="listbox"
        id=${listboxId}
        aria-label=${text.label}
        aria-busy=${this.directory.loading && !loaded ? 'true' : 'false'}
        ${styleProperties({ '--_rows': String(selection.rows.length) })}
        @click=${selection.onListClick}
        @pointermove=${selection.onListPointerMove}
      >
        ${this.renderRows(text, rowRange)}
      </div>
      ${bookMessage({
        text,
        directory: loaded,
        loading: this.directory.loading,
        progress: this.directory.progress,
        searching: this.results.searching,
        rowCount: selection.rows.length,
        query: this.query,
      })}
      <div class="visually-hidden" role="status" aria-live="polite">${loaded ? text.resultCount(selection.rows.length) : this.directory.loading ? text.loading : ''}</div>
      ${numberMenu({
        entry: selection.menuEntry,
        anchor: selection.menuEntry ? selection.activeOption() : null,
        label: selection.menuEntry ? text.chooseNumber(selection.menuEntry.displayName || text.unnamed) : '',
        typeNames: text.numberTypes,
        onSelect: selection.onNumberChosen,
        onClose: selection.onMenuClose,
      })}
    </div>`;
  }

  /** Only the rows in view (and a few either side) are in the DOM; the listbox is the scroller. */
  private renderRows(text: BookText, { start, end }: RowRange): TemplateResult {
    const directory = this.directory.directory;
    const context: OptionContext = {
      query: this.query,
      words: queryWords(this.query),
      strings: text,
      presenceStrings: this.presenceStrings,
      presenceOf: this.presenceOf,
      nameOf: (id) => directory?.linkedUser(id)?.displayName,
    };
    const { rows, activeIndex, idFor } = this.selection;
    return windowedOptions({
      rows,
      start,
      end,
      rowHeight: this.listboxWindow.rowHeight,
      activeIndex,
      idFor,
      context,
      typedLabel: (number) => (this.mode === 'consult' ? text.consultNumber(number) : text.callNumber(number)),
    });
  }

  private onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.selection.closeMenu();
    this.activeTooltip.clear();
  }

  private onKindChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.kindFilter = isEntryKind(value) ? value : 'all';
    this.activeTooltip.clear();
  }
}

declare global {
  interface HTMLElementEventMap {
    'contactpad-select': CustomEvent<ContactpadSelectDetail>;
    'contactpad-error': CustomEvent<ContactpadErrorDetail>;
    'contactpad-sign-in-required': CustomEvent<ContactpadSignInDetail>;
    'contactpad-show': CustomEvent<undefined>;
    'contactpad-hide': CustomEvent<undefined>;
  }
}
