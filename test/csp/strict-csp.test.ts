/**
 * Issue 7, point 4: the book, its number menu and the presence tooltip work on a page with a strict
 * Content-Security-Policy and Trusted Types. The test runner's own page has inline scripts, so the page under test is a
 * separate one (scripts/csp-test-page.mjs serves it with the policy as a header), loaded in an iframe. Its driver
 * (strict-page.ts) opens the book, shows a tooltip, searches, picks a number and so closes the book, then reports.
 */
import { expect } from '@open-wc/testing';
import type { CspReport } from './report.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

/** Loads the strict page in an iframe and resolves with its report. */
function runStrictPage(): Promise<{ report: CspReport; header: string | null }> {
  const frame = document.createElement('iframe');
  frame.style.inlineSize = '800px';
  frame.style.blockSize = '600px';
  const report = new Promise<CspReport>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || (event.data as Partial<CspReport> | null)?.type !== 'csp-report') return;
      window.removeEventListener('message', onMessage);
      resolve(event.data as CspReport);
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = '/__csp/strict.html';
  document.body.append(frame);
  return Promise.all([report, fetch('/__csp/strict.html').then((response) => response.headers.get('content-security-policy'))]).then(
    ([value, header]) => {
      frame.remove();
      return { report: value, header };
    },
  );
}

describe('strict Content-Security-Policy and Trusted Types', () => {
  it('opens, shows a presence tooltip, searches, picks a number and closes without a single violation', async function () {
    this.timeout(20000);
    const { report, header } = await runStrictPage();

    expect(header, 'the page is served with the policy').to.equal(STRICT_CSP);
    expect(report.buildError, 'the page bundle built').to.equal(undefined);
    expect(report.error, 'every step happened').to.equal(undefined);
    expect(report.canaryCaught, 'a deliberate violation is caught, so the listener works').to.equal(true);
    expect(report.policy, 'the page ran under that policy').to.equal(STRICT_CSP);
    expect(report.violations, 'violations').to.deep.equal([]);

    const steps = report.steps!;
    expect(steps.rowsShown, 'rows shown on opening').to.equal(6);
    expect(steps.tooltipShown, 'tooltip shown').to.equal(true);
    expect(steps.tooltipPositioned, 'tooltip placed by floating-ui').to.equal(true);
    expect(steps.tooltipText).to.match(/^Busy In a call Read at /);
    expect(steps.rowsForQuery).to.deep.equal(['José Álvarez']);
    expect(steps.menuShown, 'number menu shown').to.equal(true);
    expect(steps.menuPositioned, 'number menu placed by floating-ui').to.equal(true);
    expect(steps.menuItems).to.deep.equal(['Direct +34 91 123 4567', 'Mobile +34 600 123 456']);
    expect(steps.selectedEntryId).to.equal('u-jose');
    expect(steps.selectedNumber).to.equal('+34 600 123 456');
    expect(steps.closed, 'the book closed').to.equal(true);
  });
});
