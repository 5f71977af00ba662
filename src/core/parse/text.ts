/**
 * Shared helpers for the display parsers. Every parser is `(text) → Parsed<T>` and must never
 * throw: device output arrives truncated, with CRLF, pager remnants, echoed commands and
 * interleaved log lines, so everything here is defensive and regex-only (no Node APIs).
 */
export interface Parsed<T> {
  value: T;
  warnings: string[];
}

// CSI sequences (cursor moves the pager uses to erase its marker) and lone two-byte escapes.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>78]/g;
// The pager marker and the backspaces/spaces Comware prints to erase it once continued.
const PAGER = /[ \t]*-{4} More -{4}[\x08 ]*/g;
// A prompt alone, or a prompt followed by an echoed display command (`<FW1>dis ver`).
const PROMPT_ECHO = /^\x00?(?:RBM_[PS])?[<[][^<>[\]\r\n]+[>\]]\s*(?:dis(?:p(?:l(?:a(?:y)?)?)?)?\b.*)?$/i;

/** Apply backspaces as a terminal would (erase the previous character). */
function applyBackspaces(line: string): string {
  if (!line.includes('\x08')) return line;
  const out: string[] = [];
  for (const ch of line) {
    if (ch === '\x08') out.pop();
    else out.push(ch);
  }
  return out.join('');
}

/**
 * Output text → clean lines: CRLF/CR normalised, NULs, ANSI and pager remnants removed, echoed
 * command and prompt lines dropped, trailing spaces trimmed. Blank lines are kept (some layouts
 * use them as section breaks); callers skip them.
 */
export function cleanLines(text: string): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const normalised = text.replace(ANSI, '').replace(PAGER, '').replace(/\x00/g, '');
  const lines: string[] = [];
  for (const raw of normalised.split(/\r\n|\r|\n/)) {
    const line = applyBackspaces(raw).replace(/[\x01-\x07\x0b\x0c\x0e-\x1f\x7f]/g, '').trimEnd();
    if (PROMPT_ECHO.test(line.trim())) continue;
    lines.push(line);
  }
  return lines;
}

/** Lower-case, single-spaced key for table lookups ("Adver Timer  " → "adver timer"). */
export function normKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').toLowerCase();
}

// A key starts with a letter and may hold spaces, dots, hyphens, slashes and parentheses. Its
// length is bounded so that a long garbage line costs linear time, not quadratic.
const KEY = String.raw`[A-Za-z][A-Za-z0-9 ._()/-]{0,63}?`;
const PAIR_START = new RegExp(String.raw`(?:^\s*|\s{2,}|\t)(${KEY})\s*:(?=\s|$)`, 'g');

/**
 * All `key: value` pairs on one line. Comware prints up to three pairs per line separated by
 * runs of spaces (VRRP verbose, `Remote IP: x   Destination port: p`), and values may contain
 * single spaces and colons (times), so a new pair only starts after two or more spaces.
 */
export function kvPairs(line: string): [string, string][] {
  const starts: { index: number; keyStart: number; end: number; key: string }[] = [];
  PAIR_START.lastIndex = 0;
  for (let m = PAIR_START.exec(line); m !== null; m = PAIR_START.exec(line)) {
    const key = m[1] ?? '';
    starts.push({ index: m.index, keyStart: m.index + m[0].indexOf(key), end: m.index + m[0].length, key });
  }
  const first = starts[0];
  // Text before the first key means this is not a key/value line (e.g. a table row).
  if (!first || line.slice(0, first.keyStart).trim() !== '') return [];
  return starts.map((s, i) => {
    const next = starts[i + 1];
    return [normKey(s.key), line.slice(s.end, next ? next.index : undefined).trim()];
  });
}

/** Whitespace tokens of a trimmed line. */
export function tokens(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/);
}

export const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
export const IPV6 = /^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*$/;

export function isIp(s: string | undefined): s is string {
  return s !== undefined && (IPV4.test(s) || (IPV6.test(s) && s.includes(':')));
}

/** An integer from text, or undefined (never NaN). */
export function toInt(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const m = /^\s*(-?\d+)/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1, 'second(s)': 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60, 'minute(s)': 60,
  h: 3600, hour: 3600, hours: 3600, 'hour(s)': 3600,
  d: 86400, day: 86400, days: 86400, 'day(s)': 86400,
  w: 604800, week: 604800, weeks: 604800, 'week(s)': 604800,
};

/**
 * A duration such as "1s", "30 s", "1 min", "1 week, 2 days, 21 hours, 0 minutes" or
 * "0 days 0 hours 0 minutes 7 seconds" → seconds; undefined when no unit is recognised.
 * `bareUnit` is the unit of a number printed without one (keepalive "1").
 */
export function durationSeconds(text: string | undefined, bareUnit = 0): number | undefined {
  if (text === undefined) return undefined;
  const re = /(\d+)\s*([A-Za-z()]+)?/g;
  let total = 0;
  let found = false;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const unit = m[2]?.toLowerCase();
    const factor = unit === undefined ? bareUnit : UNIT_SECONDS[unit];
    if (!factor) continue;
    total += Number(m[1]) * factor;
    found = true;
  }
  return found ? total : undefined;
}

/** A value the device prints for "nothing here". */
export function isEmptyValue(v: string | undefined): boolean {
  return v === undefined || /^(?:--|-|N\/?A|None|NONE|null|)$/i.test(v.trim());
}

/** Quote a line for a warning, shortened so one bad line cannot flood the UI. */
export function quote(line: string): string {
  const t = line.trim();
  return JSON.stringify(t.length > 120 ? `${t.slice(0, 117)}...` : t);
}
