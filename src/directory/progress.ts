/**
 * Listing progress ({@link ListProgress}): adapters are host code, so what they report is checked before it is summed
 * or shown, and a composite adapter's per-source figures are summed here.
 */
import type { ListProgress, SourceProgress } from './adapter.js';

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A well-formed source item, or `undefined`. */
function sanitizeSource(value: unknown): SourceProgress | undefined {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof raw.source !== 'string' || typeof raw.label !== 'string' || !isCount(raw.loaded)) return undefined;
  const done = raw.done === true;
  const total = isCount(raw.total) ? Math.max(raw.total, raw.loaded) : done ? raw.loaded : undefined;
  return { source: raw.source, label: raw.label, loaded: Math.floor(raw.loaded), ...(total === undefined ? {} : { total: Math.floor(total) }), done };
}

/**
 * The progress an adapter reported, cleaned: `undefined` when `loaded` is not a count. A `total` below `loaded` is
 * raised to it (a source that found more than it announced); malformed source items are dropped.
 */
export function sanitizeProgress(value: unknown): ListProgress | undefined {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (!isCount(raw.loaded)) return undefined;
  const loaded = Math.floor(raw.loaded);
  const total = isCount(raw.total) ? Math.max(Math.floor(raw.total), loaded) : undefined;
  const sources = Array.isArray(raw.sources) ? (raw.sources as unknown[]).flatMap((item) => sanitizeSource(item) ?? []) : undefined;
  return { loaded, ...(total === undefined ? {} : { total }), ...(sources === undefined ? {} : { sources }) };
}

/** A composite's progress: the sources' figures, their sum, and the total when every source knows its own. */
export function sumProgress(sources: readonly SourceProgress[]): ListProgress {
  let loaded = 0;
  let total: number | undefined = 0;
  for (const source of sources) {
    loaded += source.loaded;
    total = total === undefined || source.total === undefined ? undefined : total + source.total;
  }
  return { loaded, ...(total === undefined ? {} : { total }), sources };
}
