import { cleanLines, kvPairs, quote, type Parsed } from './text';

export interface ClockInfo {
  /** ISO-8601; with an offset when the zone's offset is known, else local time without one. */
  iso?: string;
  zone?: string;
  /** Minutes east of UTC. */
  offsetMinutes?: number;
}

// "14:10:12.345 UTC Wed 11/25/2026", "15:10:00 Z5 Fri 03/16/2015"; zone and weekday optional.
const CLOCK = /^\s*(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?\s+(?:(\S+)\s+)??(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/i;
// "Time Zone : Z5 add 05:00:00" / "Time Zone : PST minus 08:00:00".
const ZONE = /^(\S+)\s+(add|minus)\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/i;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Parse `display clock` → an ISO-8601 time for the clock-skew check. */
export function parseClock(text: string): Parsed<ClockInfo> {
  const value: ClockInfo = {};
  const warnings: string[] = [];
  let local: string | undefined;
  for (const line of cleanLines(text)) {
    if (line.trim() === '') continue;
    const c = CLOCK.exec(line);
    if (c && local === undefined) {
      const [month, day, year] = [Number(c[6]), Number(c[7]), Number(c[8])];
      const [h, m, s] = [Number(c[1]), Number(c[2]), Number(c[3])];
      if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) {
        warnings.push(`display clock: impossible date/time ${quote(line)}`);
        continue;
      }
      const ms = c[4] === undefined ? '' : `.${c[4].padEnd(3, '0')}`;
      local = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(m)}:${pad(s)}${ms}`;
      if (c[5] !== undefined) value.zone = c[5];
      continue;
    }
    const pairs = kvPairs(line);
    const zone = pairs.find(([k]) => k === 'time zone')?.[1];
    if (zone !== undefined) {
      const z = ZONE.exec(zone);
      if (z) {
        const minutes = Number(z[3]) * 60 + Number(z[4]);
        value.offsetMinutes = z[2]?.toLowerCase() === 'minus' ? -minutes : minutes;
        value.zone ??= z[1];
      } else warnings.push(`display clock: unrecognised time zone ${JSON.stringify(zone)}`);
      continue;
    }
    // Summer-time settings are printed but the clock line already shows the time in effect.
    if (pairs.some(([k]) => k.startsWith('summer time') || k.startsWith('daylight'))) continue;
    warnings.push(`display clock: unrecognised line ${quote(line)}`);
  }
  if (value.offsetMinutes === undefined && value.zone !== undefined && /^(?:UTC|GMT|Z)$/i.test(value.zone)) value.offsetMinutes = 0;
  if (local === undefined) warnings.push('display clock: no time line');
  else {
    value.iso = value.offsetMinutes === undefined ? local : `${local}${offsetText(value.offsetMinutes)}`;
    if (value.offsetMinutes === undefined) warnings.push(`display clock: offset of time zone ${JSON.stringify(value.zone ?? '')} unknown; time is local`);
  }
  return { value, warnings };
}
