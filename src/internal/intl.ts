/**
 * The `Intl` objects the library formats and sorts with, one per language, made on first use and shared: making one
 * costs more than rendering a row. A malformed language tag (`lang="en_GB"` is a RangeError) falls back to the
 * browser's language rather than lose the text. `locale` undefined means the browser's language.
 */

function perLocale<T>(make: (locale: string | undefined) => T): (locale: string | undefined) => T {
  const cache = new Map<string, T>();
  return (locale) => {
    const key = locale ?? '';
    let value = cache.get(key);
    if (value === undefined) {
      try {
        value = make(locale);
      } catch {
        value = make(undefined);
      }
      cache.set(key, value);
    }
    return value;
  };
}

/** Plural categories, for counts in words. */
export const pluralRules = perLocale((locale) => new Intl.PluralRules(locale));

/** Numbers ("1,200"). */
export const numberFormat = perLocale((locale) => new Intl.NumberFormat(locale));

/** Hours and minutes ("14:05"), for when a presence was read. */
export const timeFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }));

/** Sorting names: case and accents ignored, digits by value ("Room 9" before "Room 10"). */
export const collator = perLocale((locale) => new Intl.Collator(locale, { sensitivity: 'base', numeric: true }));
