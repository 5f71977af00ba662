import { readFileSync } from 'node:fs';
import { parseIp } from '../core/model/ip';
import { loadPairText } from '../core/model/load';
import type { Pair } from '../core/model/pair';
import type { PlatformPack } from '../core/platforms/pack';
import { hasErrors, validatePair } from '../core/validate/index';
import { formatDiagnostic, formatLoadError } from './commands/validate';

/**
 * Read, parse and validate a pair file for a command that acts on it. Exit code semantics follow
 * `hotpair validate`: 2 unreadable/unparsable, 1 rule errors. Messages are ready to print.
 */
export function readValidPair(file: string, pack: PlatformPack, afterErrors = 'correct the errors above first'): { ok: true; pair: Pair; text: string } | { ok: false; exit: 1 | 2; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, exit: 2, message: `hotpair: ${code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? (e as Error).message}`}\n` };
  }
  const loaded = loadPairText(text, file);
  if (!loaded.ok) return { ok: false, exit: 2, message: loaded.errors.map((e) => formatLoadError(file, e)).join('') };
  const diagnostics = [...(loaded.diagnostics ?? []), ...validatePair(loaded.pair, {}, pack)];
  if (hasErrors(diagnostics)) {
    return { ok: false, exit: 1, message: `${diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('')}${file}: ${afterErrors}\n` };
  }
  return { ok: true, pair: loaded.pair, text };
}

/**
 * `--loghost HOST[:PORT]` (issue 6: commissioning may point the devices' loghost at the monitor).
 * An IPv6 address takes brackets when a port follows (`[2001:db8::9]:5514`), as in URLs; the
 * port defaults to 5514, where `hotpair monitor` listens by default (the flag exists to point
 * the devices at a HotPair monitor; a pair file's own `loghost` keeps the syslog default 514).
 */
/** `hotpair monitor --syslog` listens here unless told otherwise. */
export const MONITOR_SYSLOG_PORT = 5514;

export function parseLoghost(text: string): { ok: true; loghost: { address: string; port: number } } | { ok: false; message: string } {
  const t = text.trim();
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(t) ?? (t.split(':').length === 2 ? /^([^:]+):(\d+)$/.exec(t) : /^([^[\]]+)()$/.exec(t));
  const bad = (why: string) => ({ ok: false as const, message: `--loghost "${text}": ${why}; expected HOST[:PORT], e.g. 192.0.2.50:5514 or [2001:db8::50]:5514` });
  if (!m) return bad('not an address with an optional port');
  const address = m[1] as string;
  if (parseIp(address) === null) return bad(`"${address}" is not an IPv4 or IPv6 address (the device's loghost takes an address, not a name)`);
  const port = m[2] ? Number(m[2]) : MONITOR_SYSLOG_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return bad(`port ${m[2]} is outside 1-65535`);
  return { ok: true, loghost: { address, port } };
}
