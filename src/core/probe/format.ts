/** The probe's result as the CLI prints it: per device a count, then each line not confirmed with what the device said. */
import { formatMs } from '../base/abort';
import { ENGLISH, type Message, type Translator } from '../base/message';
import type { DeviceKey } from '../model/pair';
import { displayWidth } from '../provision/format';
import type { DeviceProbe, LineVerdict, ProbeResult } from './types';

/** A duration as a message: the reader's language says the unit (probe.format.ms / .s). */
function duration(ms: number): Message {
  if (ms < 1000) return { code: 'probe.format.ms', params: { value: ms } };
  const s = ms / 1000;
  return { code: 'probe.format.s', params: { value: Number.isInteger(s) ? String(s) : s.toFixed(1) } };
}

/** Pads to `cols` terminal columns (a CJK character takes two), so the views line up in Chinese too. */
const padColumns = (s: string, cols: number): string => s + ' '.repeat(Math.max(0, cols - displayWidth(s)));

function verdictLines(v: LineVerdict, tr: Translator): string[] {
  const t = tr.text.bind(tr);
  const head = `  ${padColumns(t(`probe.status.${v.status}`, {}, v.status), 10)} [${v.view}] ${v.line}`;
  const at =
    v.position === undefined
      ? ''
      : v.keyword !== undefined
        ? t('probe.format.word', { position: v.position, keyword: v.keyword }, `word ${v.position} "${v.keyword}"`)
        : t('probe.format.word-end', { position: v.position }, `word ${v.position} (after the last word)`);
  const reason = v.reason !== undefined && v.reasonSaid ? t(v.reasonSaid.code, v.reasonSaid.params, v.reason) : v.reason;
  // The device's own words (`message` without `messageSaid`) stay as the device printed them.
  const message = v.message !== undefined && v.messageSaid ? t(v.messageSaid.code, v.messageSaid.params, v.message) : v.message;
  const said = [at, message, reason].filter(Boolean).join(': ');
  const out = [head];
  if (said) out.push(`             ${said}`);
  if (v.offered?.length) out.push(`             ${t('probe.format.offers', { words: v.offered.join(', ') }, `the device offers: ${v.offered.join(', ')}`)}`);
  return out;
}

export function formatDeviceProbe(k: DeviceKey, name: string, p: DeviceProbe, tr: Translator = ENGLISH): string {
  const t = tr.text.bind(tr);
  const bad = p.lines.filter((l) => l.status !== 'confirmed');
  const elapsed = duration(p.elapsedMs);
  const counts = t('probe.format.counts', { lines: p.lines.length, requests: p.requests, elapsed: { sep: 'comma', items: [elapsed] } }, `${p.lines.length} line${p.lines.length === 1 ? '' : 's'}, ${p.requests} help request${p.requests === 1 ? '' : 's'}, ${formatMs(p.elapsedMs)}`);
  const device = k.toUpperCase();
  const head =
    bad.length === 0
      ? t('probe.format.all-confirmed', { device, name, counts }, `Device ${device} (${name}): all confirmed — ${counts}`)
      : t('probe.format.not-confirmed', { device, name, count: bad.length, counts }, `Device ${device} (${name}): ${bad.length} NOT confirmed — ${counts}`);
  const views = p.createdViews.join(', ');
  const created = p.createdViews.length ? [`  ${t('probe.format.created', { views }, `views created to reach their lines and removed again: ${views}`)}`] : [];
  return [head, ...bad.flatMap((v) => verdictLines(v, tr)), ...created].join('\n') + '\n';
}

export function formatProbe(r: ProbeResult, names: Record<DeviceKey, string>, tr: Translator = ENGLISH): string {
  return formatDeviceProbe('a', names.a, r.a, tr) + formatDeviceProbe('b', names.b, r.b, tr);
}

/** `--json`: per device, each line with its verdict. */
export function probeJson(r: ProbeResult): { devices: Record<DeviceKey, { lines: LineVerdict[] }> } {
  return { devices: { a: { lines: r.a.lines }, b: { lines: r.b.lines } } };
}
