/**
 * PairHealth → exposition text. OpenMetrics 1.0.0 by default (counter families without `_total`,
 * samples with it, `# UNIT`, `# EOF`); the classic Prometheus 0.0.4 text format on request, for
 * scrapers and linters (promtool) that only speak that. One model, two spellings.
 */
import type { PairHealth } from './health';
import { verdict } from './health';
import type { DeviceKey } from '../model/pair';

export type ExpositionFormat = 'openmetrics' | 'text';

export const CONTENT_TYPES: Record<ExpositionFormat, string> = {
  openmetrics: 'application/openmetrics-text; version=1.0.0; charset=utf-8',
  text: 'text/plain; version=0.0.4; charset=utf-8',
};

/** Picks the format from an Accept header the way Prometheus asks (OpenMetrics first when offered). */
export function negotiate(accept: string | undefined): ExpositionFormat {
  return accept && /application\/openmetrics-text/i.test(accept) ? 'openmetrics' : accept && /text\/plain/i.test(accept) ? 'text' : 'openmetrics';
}

type Labels = Record<string, string>;
interface Family {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  unit?: string;
  samples: { labels: Labels; value: number }[];
}

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const fmtLabels = (l: Labels) => {
  const keys = Object.keys(l);
  return keys.length === 0 ? '' : `{${keys.map((k) => `${k}="${esc(l[k]!)}"`).join(',')}}`;
};
const fmtValue = (v: number) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v));

export interface MonitorCounters {
  /** Events recorded per pair and kind since the monitor started. */
  events: Record<string, Record<string, number>>;
  alerts: Record<string, Record<string, number>>;
}

export function renderMetrics(healths: readonly PairHealth[], counters: MonitorCounters, format: ExpositionFormat): string {
  const fams = families(healths, counters);
  const lines: string[] = [];
  for (const f of fams) {
    // Classic text format names a counter family by its sample name (with _total).
    const famName = f.type === 'counter' && format === 'text' ? `${f.name}_total` : f.name;
    lines.push(`# HELP ${famName} ${f.help}`);
    lines.push(`# TYPE ${famName} ${f.type}`);
    if (f.unit && format === 'openmetrics') lines.push(`# UNIT ${famName} ${f.unit}`);
    const sample = f.type === 'counter' ? `${f.name}_total` : f.name;
    for (const s of f.samples) lines.push(`${sample}${fmtLabels(s.labels)} ${fmtValue(s.value)}`);
  }
  if (format === 'openmetrics') lines.push('# EOF');
  return lines.join('\n') + '\n';
}

function families(healths: readonly PairHealth[], counters: MonitorCounters): Family[] {
  const f = (name: string, type: Family['type'], help: string, unit?: string): Family => ({ name, type, help, samples: [], ...(unit ? { unit } : {}) });
  const up = f('hotpair_device_up', 'gauge', 'Whether the device answered its last poll (1) or not (0).');
  const info = f('hotpair_device_info', 'gauge', 'Configured role and sysname of a device (value always 1).');
  const ctl = f('hotpair_control_channel_up', 'gauge', 'Control channel as this device sees it: 1 Connected, 0 Disconnected.');
  const data = f('hotpair_data_channel_up', 'gauge', 'Data channel interface state: 1 Up, 0 Down.');
  const running = f('hotpair_running_status', 'gauge', 'Running status of a device, one series per status, 1 for the current one.');
  const ka = f('hotpair_keepalive_interval_seconds', 'gauge', 'Configured keepalive interval.', 'seconds');
  const kc = f('hotpair_keepalive_attempts', 'gauge', 'Configured keepalive count (missed keepalives before the peer is lost).');
  const cons = f('hotpair_config_consistent', 'gauge', 'Last configuration consistency result: 1 Consistent, 0 Inconsistent.');
  const consTime = f('hotpair_config_consistency_timestamp_seconds', 'gauge', 'When the monitor first saw the current consistency result.', 'seconds');
  const sess = f('hotpair_sessions', 'gauge', 'Session backup counters as the device reports them.');
  const swCount = f('hotpair_switchovers', 'counter', 'Running-status changes of a device recorded by this monitor.');
  const swTime = f('hotpair_last_switchover_timestamp_seconds', 'gauge', 'Time of the last switchover of the pair.', 'seconds');
  const healthy = f('hotpair_pair_healthy', 'gauge', 'Pair verdict: 1 healthy, 0 degraded, down or unknown.');
  const chDown = f('hotpair_control_channel_down_since_seconds', 'gauge', 'When the control channel went down (absent while it is up).', 'seconds');
  const evts = f('hotpair_events', 'counter', 'Events recorded by this monitor, by kind.');
  const alerts = f('hotpair_alerts', 'counter', 'Alerts raised by this monitor, by rule.');

  for (const h of healths) {
    const pair = h.pair;
    healthy.samples.push({ labels: { pair }, value: verdict(h) === 'healthy' ? 1 : 0 });
    if (h.lastSwitchover) swTime.samples.push({ labels: { pair }, value: h.lastSwitchover.time / 1000 });
    if (h.channelDownSince !== undefined) chDown.samples.push({ labels: { pair }, value: h.channelDownSince / 1000 });
    for (const key of ['a', 'b'] as DeviceKey[]) {
      const d = h.devices[key];
      const l = { pair, device: key };
      if (d.reachable !== undefined) up.samples.push({ labels: l, value: d.reachable ? 1 : 0 });
      info.samples.push({ labels: { ...l, sysname: d.sysname ?? '', role: d.role ?? '' }, value: 1 });
      if (d.controlChannel) ctl.samples.push({ labels: l, value: d.controlChannel === 'Connected' ? 1 : 0 });
      if (d.dataChannelState) data.samples.push({ labels: l, value: d.dataChannelState === 'Up' ? 1 : 0 });
      if (d.runningStatus)
        for (const s of ['Initial', 'Active', 'Standby']) running.samples.push({ labels: { ...l, status: s }, value: d.runningStatus === s ? 1 : 0 });
      if (d.keepalive) {
        ka.samples.push({ labels: l, value: d.keepalive.interval });
        kc.samples.push({ labels: l, value: d.keepalive.count });
      }
      if (d.consistency && d.consistency.result !== 'Not Performed') {
        cons.samples.push({ labels: l, value: d.consistency.result === 'Consistent' ? 1 : 0 });
        consTime.samples.push({ labels: l, value: d.consistency.time / 1000 });
      }
      if (d.sessions) {
        sess.samples.push({ labels: { ...l, kind: 'total' }, value: d.sessions.total });
        const more: [string, number | undefined][] = [
          ['created_locally', d.sessions.createdLocally],
          ['received_from_peer', d.sessions.receivedFromPeer],
          ['sent_to_peer', d.sessions.sentToPeer],
        ];
        for (const [kind, v] of more) if (v !== undefined) sess.samples.push({ labels: { ...l, kind }, value: v });
      }
      swCount.samples.push({ labels: l, value: d.switchoverCount });
    }
  }
  for (const [pair, kinds] of Object.entries(counters.events)) for (const [kind, n] of Object.entries(kinds)) evts.samples.push({ labels: { pair, kind }, value: n });
  for (const [pair, rules] of Object.entries(counters.alerts)) for (const [rule, n] of Object.entries(rules)) alerts.samples.push({ labels: { pair, rule }, value: n });
  return [up, info, ctl, data, running, ka, kc, cons, consTime, sess, swCount, swTime, healthy, chDown, evts, alerts];
}
