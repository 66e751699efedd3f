/**
 * OData plumbing for the simulated Graph endpoints: query parsing, `$select`, `$top`, `$search`, opaque paging
 * tokens and Graph's error shape. Node-side (uses Buffer).
 */
import type { SimGraphUser } from './types.js';

/** An error answered in Graph's shape: `{ error: { code, message } }`. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string): GraphError => new GraphError(400, code, message);

/**
 * The query of a URL as a record. Decoded with `decodeURIComponent` only (OData does not read `+` as a space), so
 * `$search="displayName:a+b"` keeps its plus sign. Keys keep their case; a repeated key keeps the last value.
 */
export function parseQuery(url: string): { path: string; query: Record<string, string> } {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const query: Record<string, string> = {};
  if (mark !== -1) {
    for (const part of url.slice(mark + 1).split('&')) {
      if (part === '') continue;
      const equals = part.indexOf('=');
      const key = equals === -1 ? part : part.slice(0, equals);
      const value = equals === -1 ? '' : part.slice(equals + 1);
      try {
        query[decodeURIComponent(key)] = decodeURIComponent(value);
      } catch {
        throw badRequest('Request_BadRequest', `Malformed query parameter '${key}'.`);
      }
    }
  }
  return { path, query };
}

/** Builds a query string the way Graph writes its links: literal `$` names, encoded values. */
export function buildQuery(params: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Properties a `user` has here; `$select` of anything else is a 400. */
export const USER_PROPERTIES: readonly (keyof SimGraphUser)[] = [
  'id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'businessPhones', 'mobilePhone',
  'jobTitle', 'department', 'officeLocation', 'preferredLanguage', 'accountEnabled',
];

/** What Graph returns without `$select` (no `department`). */
export const DEFAULT_USER_PROPERTIES: readonly (keyof SimGraphUser)[] = [
  'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation',
  'preferredLanguage', 'surname', 'userPrincipalName', 'id',
];

/** The `$select` list, validated and in canonical case, or undefined when absent. */
export function parseSelect(value: string | undefined): (keyof SimGraphUser)[] | undefined {
  if (value === undefined) return undefined;
  const byLower = new Map(USER_PROPERTIES.map((name) => [name.toLowerCase(), name]));
  const selected: (keyof SimGraphUser)[] = [];
  for (const raw of value.split(',')) {
    const name = byLower.get(raw.trim().toLowerCase());
    if (!name) {
      throw badRequest('Request_BadRequest',
        `Parsing OData Select and Expand failed: Could not find a property named '${raw.trim()}' on type 'microsoft.graph.user'.`);
    }
    if (!selected.includes(name)) selected.push(name);
  }
  return selected;
}

/** The user with only the selected properties, `id` always first. */
export function project(user: SimGraphUser, select: readonly (keyof SimGraphUser)[] | undefined): Record<string, unknown> {
  const names = select ?? DEFAULT_USER_PROPERTIES;
  const out: Record<string, unknown> = { id: user.id };
  for (const name of names) {
    if (name !== 'id') out[name] = name === 'businessPhones' ? [...user.businessPhones] : user[name];
  }
  return out;
}

/** `$top` as an integer in [1, max], `fallback` when absent; otherwise a 400 Request_UnsupportedQuery. */
export function parseTop(value: string | undefined, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const top = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(top) || top < 1 || top > max) {
    throw badRequest('Request_UnsupportedQuery', `Invalid page size specified: '${value}'. Must be between 1 and ${max} inclusive.`);
  }
  return top;
}

/** An opaque, URL-safe paging token. */
export function encodeToken(payload: object): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeToken(token: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw badRequest('Request_BadRequest', 'The specified page token value has expired or is invalid.');
}

/** A number field of a decoded token, or a 400. */
export function tokenNumber(token: Record<string, unknown>, key: string): number {
  const value = token[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw badRequest('Request_BadRequest', 'The specified page token value has expired or is invalid.');
  }
  return value;
}

export type SearchField = 'displayName' | 'givenName' | 'surname' | 'mail' | 'userPrincipalName' | 'jobTitle' | 'department';
const SEARCH_FIELDS: readonly SearchField[] = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department'];

export interface Search {
  /** The properties the search reads. */
  readonly fields: ReadonlySet<SearchField>;
  readonly test: (user: Readonly<Partial<Record<SearchField, string | null>>>) => boolean;
}

/**
 * `$search="displayName:ann"` (clauses may be joined by AND / OR, read left to right). Each word of the term must be
 * a prefix of a word of the property, case-insensitively; with `foldDiacritics`, "mul" also finds "Müller".
 */
export function parseSearch(value: string, foldDiacritics: boolean): Search {
  const tokens = value.match(/"[^"]*"|\bAND\b|\bOR\b|\S+/gi) ?? [];
  const fold = (text: string): string => {
    const lower = text.toLowerCase();
    return foldDiacritics ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  };
  const words = (text: string): string[] => fold(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const fields = new Set<SearchField>();
  let predicate: Search['test'] | undefined;
  let operator: 'AND' | 'OR' | undefined;
  for (const token of tokens) {
    const upper = token.toUpperCase();
    if ((upper === 'AND' || upper === 'OR') && predicate && !operator) {
      operator = upper;
      continue;
    }
    const clause = /^"([A-Za-z]+):(.*)"$/.exec(token);
    const field = SEARCH_FIELDS.find((name) => name.toLowerCase() === clause?.[1]?.toLowerCase());
    if (!clause || !field || (predicate && !operator)) {
      throw badRequest('Request_UnsupportedQuery', `Syntax error: '${token}' is not valid in the $search value '${value}'.`);
    }
    fields.add(field);
    const terms = words(clause[2] ?? '');
    const test: Search['test'] = (user) => {
      const have = words(user[field] ?? '');
      return terms.every((term) => have.some((word) => word.startsWith(term)));
    };
    const before = predicate;
    predicate = !before ? test : operator === 'AND' ? (user) => before(user) && test(user) : (user) => before(user) || test(user);
    operator = undefined;
  }
  if (!predicate || operator) {
    throw badRequest('Request_UnsupportedQuery', `Invalid $search value '${value}'.`);
  }
  return { fields, test: predicate };
}

/** A `$filter` of the form `<property> eq '<value>'` (quotes doubled inside), or undefined when it is not one. */
export function parseEqFilter(value: string): { property: string; value: string } | undefined {
  const match = /^\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(value);
  return match ? { property: match[1] ?? '', value: (match[2] ?? '').replace(/''/g, "'") } : undefined;
}
