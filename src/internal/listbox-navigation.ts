/**
 * Where the active option moves for a key, in a list of `count` options (WAI-ARIA listbox keys). Pure.
 * Returns `undefined` for keys the list does not handle, so they keep their native meaning.
 */
export function nextActiveIndex(key: string, active: number, count: number, pageSize: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const clamp = (index: number) => Math.min(last, Math.max(0, index));
  switch (key) {
    case 'ArrowDown':
      return active < 0 ? 0 : clamp(active + 1);
    case 'ArrowUp':
      return active < 0 ? last : clamp(active - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp((active < 0 ? 0 : active) + pageSize);
    case 'PageUp':
      return clamp((active < 0 ? 0 : active) - pageSize);
    default:
      return undefined;
  }
}
