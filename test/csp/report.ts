/**
 * What the strict-CSP page (strict-page.ts) reports to the test (strict-csp.test.ts) through `postMessage`: every
 * Content-Security-Policy violation the page saw, and what the driver did and saw at each step.
 */

/** A `securitypolicyviolation` event, as plain data. */
export interface CspViolation {
  readonly effectiveDirective: string;
  readonly violatedDirective: string;
  readonly blockedURI: string;
  readonly sample: string;
  readonly sourceFile: string;
  readonly lineNumber: number;
  readonly disposition: string;
  /** The whole policy that was violated (`originalPolicy`). */
  readonly policy: string;
}

/** What the driver did and saw. */
export interface CspSteps {
  /** Options shown once the book opened (before searching). */
  readonly rowsShown: number;
  /** The tooltip of a presence icon: shown, placed by floating-ui (CSSOM left/top set), and its text. */
  readonly tooltipShown: boolean;
  readonly tooltipPositioned: boolean;
  readonly tooltipText: string;
  readonly query: string;
  /** Option names shown for the query. */
  readonly rowsForQuery: readonly string[];
  /** The number menu: open, placed by floating-ui, and its items' texts. */
  readonly menuShown: boolean;
  readonly menuPositioned: boolean;
  readonly menuItems: readonly string[];
  /** From the `contactpad-select` event's detail. */
  readonly selectedEntryId: string | null;
  readonly selectedNumber: string | null;
  /** The book closed after the pick. */
  readonly closed: boolean;
}

export interface CspReport {
  readonly type: 'csp-report';
  /** The page's bundle could not be built (from the test server). */
  readonly buildError?: string;
  /** The driver failed (a step never happened, or threw). */
  readonly error?: string;
  readonly violations: readonly CspViolation[];
  /** Whether a deliberate Trusted Types violation at the end (the canary) was caught: the listener works. */
  readonly canaryCaught: boolean;
  readonly steps?: CspSteps;
  /** The policy the page was served with, as the page read it from a violation (empty without one). */
  readonly policy: string;
}

declare global {
  interface Window {
    /** Every violation so far, kept by listen.ts (the page's first script) for the driver. */
    __contactpadCspViolations?: CspViolation[];
  }
}
