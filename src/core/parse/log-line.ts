import type { Parsed } from './text';

export interface LogEntry {
  /** ISO-8601 (device local time unless the stamp carried an offset); absent when the stamp had no year. */
  time?: string;
  /** The timestamp as printed. */
  stamp?: string;
  host?: string;
  module: string; // RBM, VRRP4, SHELL
  severity: number; // 0 emergency … 7 debug
  mnemonic: string; // RBM_CHANNEL
  text: string;
  /** Console/buffer marker: % log, * debug, # trap, ^ diagnostic. */
  marker?: string;
  /** From a syslog `<PRI>` envelope. */
  facility?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "Nov 25 14:00:00:123 2026" (Comware: milliseconds after a colon), "Nov  5 14:00:00", with or without year.
const BSD_STAMP = /^([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:[:.](\d{1,6}))?(?: (\d{4}))?(?=\s)/;
// "2026-11-25 14:00:00:123", "2026-11-25T14:00:00.123+08:00", "...Z".
const ISO_STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[:.](\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?(?=\s)/;
// "RBM/6/RBM_CHANNEL:" with the loghost's "%%10" version and "(l)"/"(t)"/"(d)" type suffix allowed.
const BODY = /^(?:%%\d{2}|[%*#^])?([A-Za-z][A-Za-z0-9_-]*)\/([0-7])\/([A-Za-z0-9_]+)(?:\([a-z]\))?:\s?(.*)$/;
const BODY_ANYWHERE = /(?:^|\s)((?:%%\d{2}|[%*#^])?[A-Za-z][A-Za-z0-9_-]*\/[0-7]\/[A-Za-z0-9_]+(?:\([a-z]\))?:(?:\s.*)?)$/;

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');

interface Stamp {
  stamp: string;
  time?: string;
  rest: string;
}

function fraction(f: string | undefined): string {
  return f === undefined ? '' : `.${f.padEnd(3, '0').slice(0, 3)}`;
}

function readStamp(s: string, year: number | undefined): Stamp | undefined {
  const b = BSD_STAMP.exec(s);
  if (b) {
    const month = MONTHS.indexOf((b[1] ?? '').toLowerCase()) + 1;
    if (month === 0) return undefined;
    const y = b[7] !== undefined ? Number(b[7]) : year;
    const time = y === undefined ? undefined : `${pad(y, 4)}-${pad(month)}-${pad(b[2] ?? '')}T${b[3]}:${b[4]}:${b[5]}${fraction(b[6])}`;
    return { stamp: b[0], time, rest: s.slice(b[0].length).trimStart() };
  }
  const i = ISO_STAMP.exec(s);
  if (i) {
    const zone = i[8] === undefined ? '' : i[8] === 'Z' ? 'Z' : i[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return { stamp: i[0], time: `${i[1]}-${i[2]}-${i[3]}T${i[4]}:${i[5]}:${i[6]}${fraction(i[7])}${zone}`, rest: s.slice(i[0].length).trimStart() };
  }
  return undefined;
}

/** `[marker] stamp host` at the start of `s`, as the console and log buffer print it. */
function readHeader(s: string, year: number | undefined): { marker?: string; stamp?: Stamp; host?: string; rest: string } | undefined {
  const marker = /^[%*#^](?!%)/.exec(s)?.[0];
  const afterMarker = marker ? s.slice(1) : s;
  const stamp = readStamp(afterMarker, year);
  if (!stamp) return undefined;
  const host = /^(\S+)\s+/.exec(stamp.rest);
  if (!host) return undefined;
  return { marker, stamp, host: host[1], rest: stamp.rest.slice(host[0].length) };
}

/**
 * Parse one Comware log line — console/log buffer (`%Nov 25 14:00:00:123 2026 FW1 RBM/6/RBM_CHANNEL: text`,
 * or an ISO stamp) — optionally inside an RFC 3164 or RFC 5424 syslog envelope (`<190>…`, the
 * loghost form `%%10RBM/6/RBM_CHANNEL(l): text`). Returns undefined (and a warning) for
 * anything else; `year` completes RFC 3164 stamps that carry none.
 */
export function parseLogLine(line: string, opts: { year?: number } = {}): Parsed<LogEntry | undefined> {
  const s = (typeof line === 'string' ? line : '').replace(/[\r\n\x00]+/g, ' ').trim();
  const fail = (): Parsed<LogEntry | undefined> => ({ value: undefined, warnings: [`not a Comware log line: ${JSON.stringify(s.slice(0, 100))}`] });
  let rest = s;
  let facility: number | undefined;
  const envelope = /^<(\d{1,3})>(?:1 )?/.exec(rest);
  if (envelope) {
    const pri = Number(envelope[1]);
    if (pri > 191) return fail();
    facility = pri >> 3;
    rest = rest.slice(envelope[0].length);
  }
  let header = readHeader(rest, opts.year);
  if (header) rest = header.rest;
  if (envelope) {
    // A relay may wrap a full console line: the inner stamp and host are the device's own.
    const inner = readHeader(rest, opts.year);
    if (inner?.marker !== undefined) {
      header = inner;
      rest = inner.rest;
    } else {
      // RFC 5424 puts APP-NAME, PROCID, MSGID and structured data before the message.
      const found = BODY_ANYWHERE.exec(rest);
      if (!found) return fail();
      rest = found[1] ?? '';
    }
  } else if (!header) {
    // No stamp (`info-center timestamp none`): "FW1 RBM/6/..." or the bare body.
    const host = /^(?:[%*#^])?(\S+)\s+(?=\S+\/[0-7]\/)/.exec(rest);
    if (host) {
      header = { host: host[1], rest: rest.slice(host[0].length) };
      rest = header.rest;
    }
  }
  const b = BODY.exec(rest);
  if (!b) return fail();
  const entry: LogEntry = { module: b[1] ?? '', severity: Number(b[2]), mnemonic: b[3] ?? '', text: (b[4] ?? '').trim() };
  if (header?.stamp) {
    entry.stamp = header.stamp.stamp;
    if (header.stamp.time !== undefined) entry.time = header.stamp.time;
  }
  if (header?.host !== undefined) entry.host = header.host;
  if (header?.marker !== undefined) entry.marker = header.marker;
  else if (/^[%*#^]/.test(rest) && !rest.startsWith('%%')) entry.marker = rest[0];
  if (facility !== undefined) entry.facility = facility;
  const warnings = header?.stamp && entry.time === undefined ? [`log stamp ${JSON.stringify(header.stamp.stamp)} has no year`] : [];
  return { value: entry, warnings };
}
