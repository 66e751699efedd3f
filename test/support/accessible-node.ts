/**
 * What Chromium's accessibility tree says of an element (role, accessible name, accessible description), computed by
 * the browser as a screen reader gets it: through the `accessible-node` command (scripts/wtr-accessible-node.mjs).
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface AccessibleNode {
  readonly role: string;
  readonly name: string;
  readonly description: string;
}

let nextProbe = 0;

/** The accessible node of `element` (in any shadow root), or `null` when it is not in the accessibility tree. */
export async function accessibleNode(element: Element): Promise<AccessibleNode | null> {
  const probe = `ax-${nextProbe++}`;
  element.setAttribute('data-ax-probe', probe);
  try {
    return await executeServerCommand<AccessibleNode | null, { selector: string }>('accessible-node', { selector: `pierce/[data-ax-probe="${probe}"]` });
  } finally {
    element.removeAttribute('data-ax-probe');
  }
}
