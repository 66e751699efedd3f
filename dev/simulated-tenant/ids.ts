/**
 * Stable GUID-shaped ids that encode the user's index, so the simulator maps an id back to its user without a table
 * (a 300,000-user tenant costs no memory). The index is hidden behind an invertible 32-bit permutation keyed by the
 * seed, so ids do not look sequential; the other 24 hex digits are hashes of (seed, index).
 */
import { hash32 } from '../../src/demo-directory/index.js';

const MULTIPLIER = 0x9e3779b1;

/** The inverse of MULTIPLIER modulo 2^32 (Newton's iteration doubles the correct low bits each step). */
const INVERSE = (() => {
  let inverse = MULTIPLIER;
  for (let step = 0; step < 5; step++) inverse = Math.imul(inverse, 2 - Math.imul(MULTIPLIER, inverse));
  return inverse >>> 0;
})();

function permute(value: number, key: number): number {
  const mixed = Math.imul((value ^ key) >>> 0, MULTIPLIER) >>> 0;
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

function unpermute(value: number, key: number): number {
  const unmixed = (value ^ (value >>> 16)) >>> 0;
  return (Math.imul(unmixed, INVERSE) ^ key) >>> 0;
}

const hex8 = (value: number): string => value.toString(16).padStart(8, '0');

/** The id of entry `index` of the tenant with `seed`: `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`. */
export function guidFor(seed: number, index: number): string {
  const a = hex8(hash32(seed, index, 'guid-a'));
  const b = hex8(hash32(seed, index, 'guid-b'));
  const c = hex8(hash32(seed, index, 'guid-c'));
  const variant = '89ab'.charAt(Number.parseInt(c.charAt(0), 16) & 3);
  const tail = hex8(permute(index, hash32(seed, 'guid-key')));
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${tail}`;
}

/** The index an id was made from, or undefined when it is not an id of this seed below `size`. */
export function indexOfGuid(seed: number, size: number, id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)) return undefined;
  const index = unpermute(Number.parseInt(id.slice(-8), 16), hash32(seed, 'guid-key'));
  return index < size && guidFor(seed, index) === id ? index : undefined;
}
