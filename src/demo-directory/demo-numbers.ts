/**
 * Phone numbers for the demo tenant. Every number lies in a range its regulator reserves for fiction, so a demo
 * never rings a real person: Ofcom's drama numbers (020 7946 0xxx, 0161 496 0xxx, 07700 900xxx), the North American
 * 555-0100…0199, the Bundesnetzagentur's Filmrufnummern (030 23125 xxx, 040 66969 xxx, 089 99998 xxx), ARCEP's
 * fiction numbers (01 99 00 xx xx, 06 39 98 xx xx) and ACMA's (02 5550 xxxx, 03 7010 xxxx).
 * Numbers are written the ways real directories hold them (spaced, compact E.164, US punctuation, a few national).
 */
import type { SeededRandom, WeightedTable } from './prng.js';

/** A block of fictional numbers: `size` subscriber numbers, each formatted in one of several real-world ways. */
export interface NumberRange {
  /** Unique key, so a pool can tell numbers of different ranges apart. */
  readonly key: string;
  readonly size: number;
  readonly formats: WeightedTable<(n: number) => string>;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function ukLondon(): NumberRange {
  return {
    key: 'gb-london',
    size: 1000,
    formats: [
      [(n) => `+44 20 7946 0${pad(n, 3)}`, 14],
      [(n) => `+442079460${pad(n, 3)}`, 4],
      [(n) => `020 7946 0${pad(n, 3)}`, 2],
    ],
  };
}

function ukManchester(): NumberRange {
  return {
    key: 'gb-manchester',
    size: 1000,
    formats: [
      [(n) => `+44 161 496 0${pad(n, 3)}`, 8],
      [(n) => `+441614960${pad(n, 3)}`, 2],
    ],
  };
}

const UK_MOBILE: NumberRange = {
  key: 'gb-mobile',
  size: 1000,
  formats: [
    [(n) => `+44 7700 900${pad(n, 3)}`, 8],
    [(n) => `+447700900${pad(n, 3)}`, 2],
    [(n) => `07700 900${pad(n, 3)}`, 1],
  ],
};

/** North America: only 555-0100…0199 is fictional in every area code, so each area code yields 100 numbers. */
function northAmerica(areaCode: number): NumberRange {
  return {
    key: `us-${areaCode}`,
    size: 100,
    formats: [
      [(n) => `+1 (${areaCode}) 555-01${pad(n, 2)}`, 6],
      [(n) => `+1 ${areaCode}-555-01${pad(n, 2)}`, 4],
      [(n) => `+1 ${areaCode} 555 01${pad(n, 2)}`, 3],
      [(n) => `+1${areaCode}55501${pad(n, 2)}`, 3],
      [(n) => `(${areaCode}) 555-01${pad(n, 2)}`, 1],
    ],
  };
}

function germany(key: string, areaCode: string, block: string): NumberRange {
  return {
    key,
    size: 1000,
    formats: [
      [(n) => `+49 ${areaCode} ${block}${pad(n, 3)}`, 6],
      [(n) => `+49 ${areaCode} ${block}-${pad(n, 3)}`, 3],
      [(n) => `+49${areaCode}${block}${pad(n, 3)}`, 2],
    ],
  };
}

/** France: ten digits written in pairs; the last four are the subscriber part. */
function france(key: string, prefix: string): NumberRange {
  const pairs = (n: number): string => `${pad(Math.floor(n / 100), 2)} ${pad(n % 100, 2)}`;
  return {
    key,
    size: 10000,
    formats: [
      [(n) => `+33 ${prefix} ${pairs(n)}`, 8],
      [(n) => `+33${prefix.replace(/ /g, '')}${pad(n, 4)}`, 2],
    ],
  };
}

function australia(key: string, areaCode: string, block: string): NumberRange {
  return {
    key,
    size: 10000,
    formats: [
      [(n) => `+61 ${areaCode} ${block} ${pad(n, 4)}`, 8],
      [(n) => `+61${areaCode}${block}${pad(n, 4)}`, 2],
    ],
  };
}

/** Where a person sits decides their numbers: a DDI in the office's range, a mobile where a fiction range exists. */
export interface Office {
  readonly key: string;
  readonly city: string;
  readonly landlines: readonly NumberRange[];
  /** Empty where the regulator publishes no fictional mobile block (we would rather give no mobile than a real one). */
  readonly mobiles: readonly NumberRange[];
}

export const OFFICES: WeightedTable<Office> = [
  [{ key: 'london', city: 'London', landlines: [ukLondon()], mobiles: [UK_MOBILE] }, 30],
  [{ key: 'manchester', city: 'Manchester', landlines: [ukManchester()], mobiles: [UK_MOBILE] }, 8],
  [{ key: 'seattle', city: 'Seattle', landlines: [northAmerica(425), northAmerica(206)],
    mobiles: [northAmerica(360), northAmerica(253)] }, 16],
  [{ key: 'new-york', city: 'New York', landlines: [northAmerica(212), northAmerica(646)],
    mobiles: [northAmerica(917), northAmerica(347)] }, 12],
  [{ key: 'berlin', city: 'Berlin', landlines: [germany('de-berlin', '30', '23125')], mobiles: [] }, 10],
  [{ key: 'hamburg', city: 'Hamburg', landlines: [germany('de-hamburg', '40', '66969')], mobiles: [] }, 3],
  [{ key: 'munich', city: 'Munich', landlines: [germany('de-munich', '89', '99998')], mobiles: [] }, 3],
  [{ key: 'paris', city: 'Paris', landlines: [france('fr-paris', '1 99 00')],
    mobiles: [france('fr-mobile', '6 39 98')] }, 10],
  [{ key: 'sydney', city: 'Sydney', landlines: [australia('au-sydney', '2', '5550')], mobiles: [] }, 6],
  [{ key: 'melbourne', city: 'Melbourne', landlines: [australia('au-melbourne', '3', '7010')], mobiles: [] }, 2],
];

/** An office by key (the catalogue of auto attendants and contacts names offices by key). */
export function officeByKey(key: string): Office {
  const found = OFFICES.find(([office]) => office.key === key);
  if (!found) throw new RangeError(`Unknown demo office "${key}"`);
  return found[0];
}

/** How many draws to try for an unused number before scanning for one: ranges are small, tenants may be large. */
const RANDOM_ATTEMPTS = 24;

/**
 * Hands out numbers so that no two entries share one while a range has room. A tenant far larger than the fictional
 * ranges (thousands of users in one city) reuses numbers rather than inventing real-looking ones. The caller passes
 * its own random stream, so each part of the tenant stays stable when another part's size changes.
 */
export class NumberPool {
  private readonly used = new Map<string, Set<number>>();

  /**
   * A number from one of `ranges`, formatted in one of the range's ways, or only the international (`+`) ones
   * when `internationalOnly` (Teams assigns resource accounts their numbers in E.164).
   */
  draw(random: SeededRandom, ranges: readonly NumberRange[], internationalOnly = false): string {
    const range = random.pick(ranges);
    const taken = this.usedIn(range);
    let n = random.int(0, range.size - 1);
    for (let attempt = 0; attempt < RANDOM_ATTEMPTS && taken.has(n); attempt++) {
      n = random.int(0, range.size - 1);
    }
    if (taken.has(n) && taken.size < range.size) {
      // Nearly full: walk to the next free number so the result stays unique.
      while (taken.has(n)) n = (n + 1) % range.size;
    }
    taken.add(n);
    const formats = internationalOnly ? range.formats.filter(([format]) => format(0).startsWith('+')) : range.formats;
    return random.weighted(formats)(n);
  }

  private usedIn(range: NumberRange): Set<number> {
    let taken = this.used.get(range.key);
    if (!taken) {
      taken = new Set();
      this.used.set(range.key, taken);
    }
    return taken;
  }
}
