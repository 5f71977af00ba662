/** The probe's result as the CLI prints it: per device a count, then each line not confirmed with what the device said. */
import { formatMs } from '../base/abort';
import type { DeviceKey } from '../model/pair';
import type { DeviceProbe, LineVerdict, ProbeResult } from './types';

function verdictLines(v: LineVerdict): string[] {
  const head = `  ${v.status.padEnd(10)} [${v.view}] ${v.line}`;
  const at = v.position !== undefined ? `word ${v.position}${v.keyword !== undefined ? ` "${v.keyword}"` : ' (after the last word)'}` : '';
  const said = [at, v.message, v.reason].filter(Boolean).join(': ');
  const out = [head];
  if (said) out.push(`             ${said}`);
  if (v.offered?.length) out.push(`             the device offers: ${v.offered.join(', ')}`);
  return out;
}

export function formatDeviceProbe(k: DeviceKey, name: string, p: DeviceProbe): string {
  const bad = p.lines.filter((l) => l.status !== 'confirmed');
  const counts = `${p.lines.length} line(s), ${p.requests} help request(s), ${formatMs(p.elapsedMs)}`;
  const head = bad.length === 0 ? `Device ${k.toUpperCase()} (${name}): all confirmed — ${counts}` : `Device ${k.toUpperCase()} (${name}): ${bad.length} NOT confirmed — ${counts}`;
  const created = p.createdViews.length ? [`  views created to reach their lines and removed again: ${p.createdViews.join(', ')}`] : [];
  return [head, ...bad.flatMap(verdictLines), ...created].join('\n') + '\n';
}

export function formatProbe(r: ProbeResult, names: Record<DeviceKey, string>): string {
  return formatDeviceProbe('a', names.a, r.a) + formatDeviceProbe('b', names.b, r.b);
}

/** `--json`: per device, each line with its verdict. */
export function probeJson(r: ProbeResult): { devices: Record<DeviceKey, { lines: LineVerdict[] }> } {
  return { devices: { a: { lines: r.a.lines }, b: { lines: r.b.lines } } };
}
