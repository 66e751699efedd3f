/**
 * Loaded before every test file (web-test-runner's testRunnerHtml). A failed assertion whose actual or expected value
 * is a DOM node stalls the runner while it serialises the error, so the run times out without naming the test.
 * Nodes are replaced by a short description before the error leaves the assertion.
 */
import { chai } from '@open-wc/testing';

function describeNode(node: Node): string {
  if (node instanceof Element) {
    const id = node.id ? `#${node.id}` : '';
    const part = node.getAttribute('part') ? `[part="${node.getAttribute('part')}"]` : '';
    return `<${node.localName}${id}${part}> "${(node.textContent ?? '').trim().slice(0, 80)}"`;
  }
  return `${node.nodeName} "${(node.textContent ?? '').slice(0, 80)}"`;
}

const readable = (value: unknown): unknown => (value instanceof Node ? describeNode(value) : value);

const assert = chai.Assertion.prototype.assert;
chai.Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
  try {
    assert.apply(this, args);
  } catch (error) {
    const failure = error as { actual?: unknown; expected?: unknown };
    failure.actual = readable(failure.actual);
    failure.expected = readable(failure.expected);
    throw error;
  }
} as typeof assert;
