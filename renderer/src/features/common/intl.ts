/**
 * Numbers, dates and "a or b" in the reader's language, from the platform's CLDR data (Intl), so
 * no catalogue carries a hand-written date pattern or list word. A language Intl does not know
 * (the tests' pseudo-locale) falls back to the platform's default, as Intl does.
 */

/** "a or b" / "a或b": alternatives the user may type, such as two URL forms. */
export const either = (lng: string, items: readonly string[]): string => new Intl.ListFormat(lng, { type: 'disjunction' }).format(items);

/**
 * An ISO timestamp as the reader writes dates, in UTC and saying so: manifests and journals are
 * stamped in UTC and a field laptop's clock is often on another zone. Not a date: shown as it is.
 */
export function utcDateTime(lng: string, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lng, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' }).format(d);
}

/**
 * A moment in the viewer's own zone, to the second, as the reader writes dates: the Monitor's
 * events and cards. Numeric and 24-hour, so rows line up and no month or AM/PM word needs translating.
 */
export function localDateTime(lng: string, ms: number): string {
  return new Intl.DateTimeFormat(lng, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
}
