/**
 * The simulated Microsoft 365 tenant's control API (`/__sim/*`, mounted by web-test-runner.config.mjs), for the Graph
 * tests: a GET without a body, a POST with one; every call must answer 200.
 */
import { expect } from '@open-wc/testing';

export async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${location.origin}/__sim${path}`, body === undefined ? {} : {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, `control ${path}`).to.equal(200);
  return (await response.json()) as T;
}
