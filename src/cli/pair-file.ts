import { DEFAULT_SYSLOG_PORT } from '../core/base/product';
import { parseIp } from '../core/model/ip';
import { readPairFile } from '../core/model/node/read-pair';
import type { Pair } from '../core/model/pair';
import type { PlatformPack } from '../core/platforms/pack';
import { formatDiagnostic, formatLoadError } from './commands/validate';
import { readPackFile } from './pack-file';
import { t } from './i18n';

/**
 * A pair file for a command that acts on it (core's readPairFile), with messages ready to print.
 * Exit codes follow `hotpair validate`: 2 unreadable/unparsable, 1 rule errors. `pack` is the
 * --pack override; without one the pair's platform picks the built-in pack.
 */
export function readValidPair(
  file: string,
  pack: PlatformPack | undefined,
  afterErrors = t('pairFile.afterErrors'),
): { ok: true; pair: Pair; text: string; pack: PlatformPack } | { ok: false; exit: 1 | 2; message: string } {
  const loaded = readPairFile(file, pack ? { pack } : {});
  if (!loaded.ok) return { ok: false, exit: 2, message: loaded.errors.map((e) => formatLoadError(file, e)).join('') };
  if (!loaded.valid) return { ok: false, exit: 1, message: `${loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)).join('')}${file}: ${afterErrors}\n` };
  return { ok: true, pair: loaded.pair, text: loaded.text, pack: loaded.pack };
}

/** What every command acting on a pair reads first: the --pack file, then the pair file through it. */
export function readPairAndPack(file: string, packFile: string | undefined, afterErrors?: string): ReturnType<typeof readValidPair> {
  const pack = readPackFile(packFile);
  if (!pack.ok) return { ok: false, exit: 2, message: `${t('error', { message: pack.message })}\n` };
  return readValidPair(file, pack.pack, afterErrors);
}

/**
 * `--loghost HOST[:PORT]`: commissioning may point the devices' loghost at the monitor.
 * An IPv6 address takes brackets when a port follows (`[2001:db8::9]:5514`), as in URLs; the
 * port defaults to 5514, where `hotpair monitor` listens by default (the flag exists to point
 * the devices at a HotPair monitor; a pair file's own `loghost` keeps the syslog default 514).
 */
export function parseLoghost(text: string): { ok: true; loghost: { address: string; port: number } } | { ok: false; message: string } {
  const trimmed = text.trim();
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed) ?? (trimmed.split(':').length === 2 ? /^([^:]+):(\d+)$/.exec(trimmed) : /^([^[\]]+)()$/.exec(trimmed));
  const bad = (why: string) => ({ ok: false as const, message: t('loghost.bad', { text, why, port: String(DEFAULT_SYSLOG_PORT) }) });
  if (!m) return bad(t('loghost.notAddress'));
  const address = m[1] as string;
  if (parseIp(address) === null) return bad(t('loghost.notIp', { address }));
  const port = m[2] ? Number(m[2]) : DEFAULT_SYSLOG_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return bad(t('loghost.badPort', { port: m[2] ?? '' }));
  return { ok: true, loghost: { address, port } };
}
