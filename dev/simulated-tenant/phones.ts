/**
 * Phone numbers of the simulated tenant, all in ranges regulators reserve for fiction (North American 555-0100…0199,
 * Ofcom's drama numbers, ACMA's 02 5550 / 03 7010 and 0491 570 mobiles), so the demo never rings a real person.
 * Profile numbers are written as directories hold them (`+1 425 555 0142`); Teams Phone assignments use E.164
 * (`+14255550142`). Uniqueness is not attempted: the ranges are small and a big tenant reuses numbers.
 */
import { hash32 } from '../../src/demo-directory/index.js';

export interface Region {
  readonly office: string;
  readonly language: string;
  /** The profile form of business number `n` (any non-negative integer; reduced to the range). */
  readonly business: (n: number) => string;
  readonly mobile: (n: number) => string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const US_AREAS: readonly (readonly [number, string])[] = [
  [425, 'Redmond'], [206, 'Seattle'], [212, 'New York'], [312, 'Chicago'], [415, 'San Francisco'], [617, 'Boston'],
];
const UK_BLOCKS: readonly (readonly [string, string])[] = [
  ['20 7946 0', 'London'], ['161 496 0', 'Manchester'], ['113 496 0', 'Leeds'], ['117 496 0', 'Bristol'],
  ['131 496 0', 'Edinburgh'],
];
const AU_BLOCKS: readonly (readonly [string, string])[] = [['2 5550', 'Sydney'], ['3 7010', 'Melbourne']];
const AU_MOBILES = ['570 006', '570 156', '570 157', '570 158', '570 159', '570 110', '570 313', '570 737'];

function at<T>(items: readonly T[], n: number): T {
  return items[n % items.length] as T;
}

const REGIONS: readonly Region[] = [
  ...US_AREAS.map(([area, office]): Region => ({
    office,
    language: 'en-US',
    business: (n) => `+1 ${area} 555 01${pad(n % 100, 2)}`,
    mobile: (n) => `+1 ${area} 555 01${pad((n * 7 + 3) % 100, 2)}`,
  })),
  ...UK_BLOCKS.map(([block, office]): Region => ({
    office,
    language: 'en-GB',
    business: (n) => `+44 ${block}${pad(n % 1000, 3)}`,
    mobile: (n) => `+44 7700 900${pad(n % 1000, 3)}`,
  })),
  ...AU_BLOCKS.map(([block, office]): Region => ({
    office,
    language: 'en-AU',
    business: (n) => `+61 ${block} ${pad(n % 10000, 4)}`,
    mobile: (n) => `+61 491 ${at(AU_MOBILES, n)}`,
  })),
];

/** The region (office, language, number ranges) of person `index`. */
export function regionOf(seed: number, index: number): Region {
  return at(REGIONS, hash32(seed, index, 'region'));
}

/** A number's E.164 form: `+1 425 555 0142` → `+14255550142`. */
export function toE164(number: string): string {
  return number.replace(/[^+\d]/g, '');
}

/** The profile business number of person `index` (whether they have one is the tenant's rule). */
export function businessNumberOf(seed: number, index: number): string {
  return regionOf(seed, index).business(hash32(seed, index, 'business-number'));
}

export function mobileNumberOf(seed: number, index: number): string {
  return regionOf(seed, index).mobile(hash32(seed, index, 'mobile-number'));
}

/** A Teams Phone number for a person with no profile number (only the admin APIs show it). */
export function teamsOnlyNumberOf(seed: number, index: number): string {
  return toE164(regionOf(seed, index).business(hash32(seed, index, 'teams-number')));
}

/** Resource account `j`'s number: 555-01xx in toll-free area codes, `+1 800 555 0100` onwards. */
export function resourceNumberOf(j: number): string {
  return `+1 ${at([800, 888, 877, 866], Math.floor(j / 100))} 555 01${pad(j % 100, 2)}`;
}

/** Unassigned number `k` of the tenant's pool (Teams Phone numbers nobody holds yet), E.164. */
export function poolNumberOf(k: number): string {
  return toE164(`+44 20 7946 0${pad((k * 37 + 500) % 1000, 3)}`);
}
