import type { RbmConfig } from '../device/seam';

/**
 * Configuration consistency check: lines only on the primary are listed with `+`, lines only on
 * the secondary with `-` (seam SyncCheckView). Order is ignored: the check compares what is
 * configured, not where it was typed.
 */
export function diffConfig(primary: string[], secondary: string[]): string[] {
  const count = (lines: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of lines.map((x) => x.trimEnd()).filter((x) => x.trim() !== '')) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const p = count(primary);
  const s = count(secondary);
  const out: string[] = [];
  for (const [l, n] of p) for (let i = s.get(l) ?? 0; i < n; i++) out.push(`+ ${l}`);
  for (const [l, n] of s) for (let i = p.get(l) ?? 0; i < n; i++) out.push(`- ${l}`);
  return out;
}

export function intervalText(cfg: RbmConfig | undefined): string {
  const sc = cfg?.syncCheck;
  if (!sc?.enabled) return 'Disabled';
  const s = sc.schedule;
  if (!s) return '1 hour';
  if ('intervalHours' in s) return `${s.intervalHours} hour${s.intervalHours === 1 ? '' : 's'}`;
  if ('daily' in s) return `Daily ${s.daily}`;
  return `Weekly ${s.weekly.day} ${s.weekly.at}`;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const HOUR_MS = 3_600_000;

/** Milliseconds from `now` to the next scheduled check (local time, as the device clock). */
export function msUntilNextCheck(cfg: RbmConfig, now: Date): number | undefined {
  const sc = cfg.syncCheck;
  if (!sc.enabled) return undefined;
  const s = sc.schedule ?? { intervalHours: 1 };
  if ('intervalHours' in s) return Math.max(1, s.intervalHours) * HOUR_MS;
  const at = 'daily' in s ? s.daily : s.weekly.at;
  const [hh, mm] = at.split(':').map(Number);
  const next = new Date(now);
  next.setHours(hh ?? 0, mm ?? 0, 0, 0);
  if ('daily' in s) {
    if (next <= now) next.setDate(next.getDate() + 1);
  } else {
    const want = DAYS.indexOf(s.weekly.day.slice(0, 3).toLowerCase());
    let add = (want - next.getDay() + 7) % 7;
    if (add === 0 && next <= now) add = 7;
    next.setDate(next.getDate() + add);
  }
  return next.getTime() - now.getTime();
}
