/**
 * Plain-text rendering of what the workflow reports (findings, health matrix, per-device plan,
 * verification, rollback), shared by the CLI commands; the app renders the same data its own way.
 */
import type { DeviceKey } from '../model/pair';
import type { Diagnostic } from '../validate/diagnostic';
import type { JournalSummary } from './journal';
import type { DevicePlanView, DeviceRollback, HealthCheck, VerifyFailure, WorkflowEvent } from './types';
import { formatFailure } from './verify';

const MARK: Record<HealthCheck['status'], string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', 'n/a': ' n/a' };

export function formatFindings(ds: readonly Diagnostic[]): string {
  if (ds.length === 0) return 'Preflight: no findings.\n';
  return ds.map((d) => `${d.severity}: ${d.message}${d.path ? ` [${d.path}]` : ''} (${d.rule})\n  fix: ${d.fix}\n`).join('');
}

export function formatHealth(checks: readonly HealthCheck[], when: string): string {
  const w = Math.max(...checks.map((c) => c.title.length));
  const rows = checks.map((c) => `  ${MARK[c.status]}  ${c.title.padEnd(w)}  ${c.reason}${c.fix && c.status !== 'pass' ? `\n        fix: ${c.fix}` : ''}`);
  return `Pair health (${when}):\n${rows.join('\n')}\n`;
}

export function formatPlan(plans: Record<DeviceKey, DevicePlanView>, names: Record<DeviceKey, string>): string {
  const out: string[] = [];
  for (const k of ['a', 'b'] as const) {
    const p = plans[k];
    out.push(`Device ${k.toUpperCase()} (${names[k]}): ${p.add.length === 0 && p.remove.length === 0 ? 'nothing to do' : `${p.remove.length} to remove, ${p.add.length} to add`}, ${p.unchanged} already in place`);
    for (const l of p.remove) out.push(`  - ${l}`);
    for (const l of p.add) out.push(`  + ${l}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatVerify(failures: readonly VerifyFailure[]): string {
  return failures.map((f) => `  ${formatFailure(f)}\n`).join('');
}

export function formatRollback(r: Record<DeviceKey, DeviceRollback>): string {
  const out: string[] = [];
  for (const k of ['a', 'b'] as const) {
    const d = r[k];
    if (d.unreachable) {
      out.push(`Device ${k.toUpperCase()}: NOT rolled back — ${d.unreachable.reason}${d.unreachable.revertsAt ? `; it reverts itself at ${d.unreachable.revertsAt} (configuration commit delay)` : ''}`);
      continue;
    }
    const state = d.differences.length === 0 ? 'configuration equals the copy taken before the push' : `${d.differences.length} line(s) differ from before the push:`;
    out.push(`Device ${k.toUpperCase()}: ${d.typed} undo line(s) typed; ${state}`);
    for (const l of d.differences) out.push(`    ${l}`);
    for (const e of d.errors) out.push(`    refused: ${e}`);
  }
  return `${out.join('\n')}\n`;
}

/** One line per event for a terminal (line progress overwrites nothing: logs stay readable). */
export function formatEvent(e: WorkflowEvent): string | undefined {
  switch (e.kind) {
    case 'stage':
      return e.phase === 'begin' ? `== ${e.title}${e.explain ? ` — ${e.explain}` : ''}\n` : undefined;
    case 'line':
      return `  [${e.device.toUpperCase()} ${e.stage} ${e.index + 1}/${e.total}] ${e.line}\n`;
    case 'verify':
      return e.failures.length === 0 ? `  verify #${e.attempt}: all expectations met\n` : `  verify #${e.attempt}: waiting for ${e.failures.length}: ${e.failures.slice(0, 3).map(formatFailure).join('; ')}\n`;
    case 'message':
      return `  ${e.level === 'info' ? '' : `${e.level}: `}${e.text}\n`;
    default:
      return undefined;
  }
}

export function formatJournalSummary(path: string, s: JournalSummary): string {
  const state = s.interrupted ? 'INTERRUPTED (no run-end: run `hotpair recover` on it)' : (s.outcome ?? '?');
  const lines = [`${s.startedAt ?? '?'}  ${s.pair ?? '?'}  ${state}`, `  journal: ${path}`, `  applied: A ${s.applied.a.length} line(s), B ${s.applied.b.length} line(s)`];
  for (const f of s.inFlight) lines.push(`  in flight on ${f.device.toUpperCase()} (may have reached the device): ${f.line}`);
  for (const k of ['a', 'b'] as const) if (s.rolledBack[k]) lines.push(`  rollback ${k.toUpperCase()}: ${s.rolledBack[k]}`);
  for (const k of ['a', 'b'] as const) {
    const c = s.commitDelay[k];
    if (c && !c.confirmed && s.interrupted) lines.push(`  commit delay pending on ${k.toUpperCase()}: the device reverts itself at ${c.deadline ?? '?'}`);
  }
  if (s.damagedLines > 0) lines.push(`  ${s.damagedLines} torn record(s) skipped`);
  return `${lines.join('\n')}\n`;
}
