/**
 * A syslog/log-buffer line → what it says about RBM or VRRP. The line is split by the shared
 * parseLogLine (src/core/parse); reading its meaning is the monitor's job. The RBM mnemonics and
 * texts are unverified (the vendor CLI notes: "don't hard-code mnemonics"), so facts are read from
 * the text with tolerant patterns: a state transition "X to Y", channel words, consistency words.
 */
import { parseLogLine } from '../parse/log-line';
import type { ChannelStatus, LogFact, RunningStatus } from './types';

export interface LogLine {
  host?: string;
  deviceTime?: string;
  module: string;
  severity: number;
  mnemonic: string;
  text: string;
}

/** Splits a line (console/buffer form or inside a syslog envelope) with the shared parser. */
export function splitLogLine(line: string): LogLine | undefined {
  const e = parseLogLine(line).value;
  if (!e) return undefined;
  const out: LogLine = { module: e.module, severity: e.severity, mnemonic: e.mnemonic, text: e.text };
  if (e.host) out.host = e.host;
  if (e.stamp) out.deviceTime = e.stamp;
  return out;
}

const STATUS = '(Initial|Active|Standby)';
const TRANSITION = new RegExp(`${STATUS}\\s+to\\s+${STATUS}`, 'i');

const cap = (s: string) => (s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()) as RunningStatus;

/** The cause of a switchover: an explicit "cause/reason:" field, else the text after the transition. */
function causeOf(text: string, after: string): string {
  const explicit = /(?:cause|reason)\s*[:=]\s*([^;.\n]+)/i.exec(text);
  const raw = explicit ? explicit[1]! : after.replace(/^[\s.:;,-]+/, '').replace(/^(?:because(?: of)?|due to)\s+/i, '');
  const c = raw.replace(/[.\s]+$/, '').trim();
  return c || 'unknown';
}

function channelStatus(text: string): ChannelStatus | undefined {
  const kv = /status\s*[=:]\s*(connected|disconnected)/i.exec(text);
  if (kv) return kv[1]!.toLowerCase() === 'connected' ? 'Connected' : 'Disconnected';
  if (/disconnect|\bdown\b|\blost\b|broken|timed? ?out/i.test(text)) return 'Disconnected';
  if (/connect|\bup\b|established/i.test(text)) return 'Connected';
  return undefined;
}

export function logFact(l: LogLine): LogFact | undefined {
  const text = l.text;
  if (/^VRRP/.test(l.module)) {
    const m = /virtual router (\d+)(?: \(configured on ([^)]+)\))? changed from (\w+) to (\w+)(?::\s*(.*?))?\.?$/i.exec(text);
    if (!m) return undefined;
    const fact: LogFact = { type: 'vrrp', vrid: Number(m[1]), from: m[3]!, to: m[4]! };
    if (m[2]) fact.interface = m[2];
    if (m[5]) fact.cause = m[5];
    return fact;
  }
  if (l.module !== 'RBM') return undefined;
  const t = TRANSITION.exec(text);
  if (t && !/vrrp/i.test(l.mnemonic)) {
    return { type: 'switchover', from: cap(t[1]!), to: cap(t[2]!), cause: causeOf(text, text.slice(t.index + t[0].length)) };
  }
  if (/CONSISTEN|COMPARE|SYNC_CHECK|CHECK/i.test(l.mnemonic) || /consisten/i.test(text)) {
    // Whole words: "consistency check started" is neither result.
    if (/\binconsistent\b|\bnot consistent\b|\bdiffer/i.test(text)) return { type: 'consistency', result: 'Inconsistent', detail: text };
    if (/\bconsistent\b/i.test(text)) return { type: 'consistency', result: 'Consistent' };
    return undefined;
  }
  if (/SYNC/i.test(l.mnemonic) || /synchroni[sz]/i.test(text)) {
    const status = /fail|error|abort/i.test(text) ? 'failed' : /start|begin/i.test(text) ? 'started' : 'finished';
    return { type: 'config-sync', status, detail: text };
  }
  if (/CHANNEL|CHL/i.test(l.mnemonic) || /channel/i.test(text)) {
    const status = channelStatus(text);
    if (!status) return undefined;
    const data = /data[ -]?channel|DATA/i.test(`${l.mnemonic} ${text}`) && !/control/i.test(text);
    return { type: 'channel', channel: data ? 'data' : 'control', status };
  }
  return undefined;
}
