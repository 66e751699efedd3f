/**
 * The strict-CSP page's first script, a classic one that runs before anything else on the page: it records every
 * Content-Security-Policy violation, from the very first, for the driver (strict-page.ts) to report.
 * It must import nothing (type imports aside): it is served as a classic script.
 */
import type { CspViolation } from './report.js';

const violations: CspViolation[] = [];
window.__contactpadCspViolations = violations;
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({
    effectiveDirective: event.effectiveDirective,
    violatedDirective: event.violatedDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
    sourceFile: event.sourceFile,
    lineNumber: event.lineNumber,
    disposition: event.disposition,
    policy: event.originalPolicy,
  });
});
