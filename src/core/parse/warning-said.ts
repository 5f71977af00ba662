import type { Message } from '../base/message';
import { NOT_SUPPORTED } from './manuinfo';

/**
 * A display parser's warning as a message of the core catalogue (`parse.warning.…`). The parsers
 * keep their English as it is (tests and journals hold it), so the message is read back from it:
 * the command and every quoted device value become params, worded by the reader's catalogue
 * around them, and quoted values keep their quotes so the English catalogue gives the same text.
 * A warning none of these shapes fits stays English only (null).
 */
const Q = '("(?:[^"\\\\]|\\\\.)*")';
const SHAPES: [RegExp, string, string[]][] = [
  [new RegExp(`^unrecognised line ${Q}$`), 'unrecognised-line', ['line']],
  [new RegExp(`^unrecognised switchover record ${Q}$`), 'unrecognised-switchover', ['line']],
  [new RegExp(`^unrecognised time zone ${Q}$`), 'unknown-zone', ['zone']],
  [new RegExp(`^unrecognised ${Q} value ${Q}$`), 'unknown-value', ['key', 'value']],
  [new RegExp(`^unrecognised ${Q} in track (\\S+)$`), 'unknown-track-key', ['key', 'track']],
  [new RegExp(`^impossible date/time ${Q}$`), 'impossible-time', ['line']],
  [new RegExp(`^offset of time zone ${Q} unknown; time is local$`), 'zone-offset-unknown', ['zone']],
  [new RegExp(`^bad track ID ${Q}$`), 'bad-track-id', ['value']],
  [new RegExp(`^${Q} outside a Track ID block$`), 'outside-track', ['line']],
  [/^track (\S+) has no state$/, 'track-no-state', ['track']],
  [new RegExp(`^VRID ${Q} without an interface$`), 'vrid-no-interface', ['value']],
  [new RegExp(`^extra columns in ${Q}$`), 'extra-columns', ['line']],
  // The line the device should have printed, quoted as it prints it.
  [/^no ("Comware Software, Version"|"<model> uptime is") line$/, 'no-line', ['expected']],
];

const FIXED: Record<string, string> = {
  'RBM is not configured': 'rbm-not-configured',
  'empty output': 'empty-output',
  'no result line': 'no-result-line',
  'no time line': 'no-time-line',
  'no interface rows': 'no-interface-rows',
  'no status fields found': 'no-status-fields',
  'no chassis or slot serial number': 'no-serial',
  'no slot rows': 'no-slot-rows',
  'no saved-configuration file line': 'no-startup-file',
};

export function parserWarningSaid(text: string): Message | null {
  const m = /^(display [^:]+): (.*)$/s.exec(text);
  if (!m) return null;
  const [, command, rest] = m as unknown as [string, string, string];
  const fixed = FIXED[rest];
  if (fixed) return { code: `parse.warning.${fixed}`, params: { command } };
  for (const [re, id, names] of SHAPES) {
    const got = re.exec(rest);
    if (got) return { code: `parse.warning.${id}`, params: { command, ...Object.fromEntries(names.map((n, i) => [n, got[i + 1]!])) } };
  }
  // The device's own refusal of manuinfo, quoted as it printed it.
  if (command === 'display device manuinfo' && NOT_SUPPORTED.test(rest)) return { code: 'parse.warning.device-said', params: { command, line: rest } };
  return null;
}
