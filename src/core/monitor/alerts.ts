/**
 * Alert rules: pure functions over a pair's new events and the passing of time. Each rule fires
 * once per episode (a channel outage, a flapping spell), not on every poll while it lasts.
 */
import type { PairHealth } from './health';
import type { AlertConfig, AlertRule, MonitorEvent } from './types';
import type { DeviceKey } from '../model/pair';

export interface AlertMemory {
  channelAlerted: boolean;
  /** Times of recent switchovers into Active (the ones that move traffic). */
  takeovers: number[];
  flapping: boolean;
}

export const emptyAlertMemory = (): AlertMemory => ({ channelAlerted: false, takeovers: [], flapping: false });

export interface AlertDraft {
  rule: AlertRule;
  severity: 'warning' | 'critical';
  message: string;
  time: number;
  device?: DeviceKey;
  cause?: string;
  /** What `message` says, for the reader's language: the core catalogue's monitor.alert.<rule>. */
  params: Record<string, string | number>;
}

/** A switchover that moves traffic: Standby→Active. Initial→Active is a device booting alone. */
export const isTakeover = (e: MonitorEvent): boolean => e.kind === 'switchover' && e.to === 'Active' && e.from === 'Standby';

export function isExpectedCause(cause: string, cfg: AlertConfig): boolean {
  const c = cause.toLowerCase();
  return cfg.expectedCauses.some((x) => c.includes(x.toLowerCase()));
}

/** `fresh` holds only first emissions (rev 0): a revision of an event must not alert twice. */
export function evaluateAlerts(
  mem: AlertMemory,
  health: PairHealth,
  fresh: readonly MonitorEvent[],
  time: number,
  cfg: AlertConfig,
): { mem: AlertMemory; alerts: AlertDraft[] } {
  const alerts: AlertDraft[] = [];
  const next: AlertMemory = { ...mem, takeovers: [...mem.takeovers] };
  const name = (d: DeviceKey) => health.devices[d].sysname ?? d.toUpperCase();

  // Flapping first: while a pair flaps, one flapping alert stands for its switchovers instead of
  // an "unexpected switchover" alert for each of them.
  const takeovers = fresh.filter((e): e is Extract<MonitorEvent, { kind: 'switchover' }> => isTakeover(e));
  for (const e of takeovers) next.takeovers.push(e.time);
  const horizon = time - cfg.flapMinutes * 60_000;
  next.takeovers = next.takeovers.filter((t) => t > horizon);
  const wasFlapping = mem.flapping;
  if (next.takeovers.length > cfg.flapCount && !next.flapping) {
    next.flapping = true;
    alerts.push({
      rule: 'flapping',
      severity: 'critical',
      message: `${next.takeovers.length} switchovers within ${cfg.flapMinutes} min (more than ${cfg.flapCount})`,
      time,
      params: { count: next.takeovers.length, minutes: cfg.flapMinutes, limit: cfg.flapCount },
    });
  } else if (next.takeovers.length <= cfg.flapCount) next.flapping = false;

  for (const e of takeovers) {
    if (isExpectedCause(e.cause, cfg) || wasFlapping || next.flapping) continue;
    alerts.push({
      rule: 'unexpected-switchover',
      severity: 'critical',
      message: `${name(e.device)} took over (Standby→Active), cause: ${e.cause}`,
      time: e.time,
      device: e.device,
      cause: e.cause,
      params: { device: name(e.device), cause: e.cause },
    });
  }
  for (const e of fresh)
    if (e.kind === 'consistency' && e.result === 'Inconsistent')
      alerts.push({
        rule: 'inconsistent-config',
        severity: 'warning',
        message: `${name(e.device)} reports an inconsistent configuration${e.detail ? `: ${e.detail}` : ''}`,
        time: e.time,
        device: e.device,
        params: { device: name(e.device), detail: e.detail ?? '' },
      });

  const since = health.channelDownSince;
  if (since === undefined) next.channelAlerted = false;
  else if (!next.channelAlerted && time - since >= cfg.channelDownSeconds * 1000) {
    next.channelAlerted = true;
    alerts.push({
      rule: 'channel-down',
      severity: 'critical',
      message: `control channel down for ${Math.round((time - since) / 1000)} s (limit ${cfg.channelDownSeconds} s)`,
      time,
      params: { seconds: Math.round((time - since) / 1000), limit: cfg.channelDownSeconds },
    });
  }
  return { mem: next, alerts };
}
