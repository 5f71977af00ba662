/** Time formats the device prints, all in the device clock (UTC + the device's clock offset). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

/** `Nov 25 14:00:00:123 2026` — the log timestamp the vendor CLI notes show. */
export function logStamp(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}:${p3(d.getUTCMilliseconds())} ${d.getUTCFullYear()}`;
}

/** `14:00:00.123 UTC Wed 11/25/2026` — first line of `display clock`. */
export function clockLine(d: Date): string {
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())} UTC ${DAYS[d.getUTCDay()]} ${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

/** `2026-11-25 14:00:00` — switchover records and check times. */
export function dateTime(d: Date): string {
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** `1 week, 2 days, 21 hours, 0 minutes` — `display version` uptime. */
export function uptimeText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const weeks = Math.floor(m / 10080);
  const days = Math.floor((m % 10080) / 1440);
  const hours = Math.floor((m % 1440) / 60);
  return `${weeks} weeks, ${days} days, ${hours} hours, ${m % 60} minutes`;
}
