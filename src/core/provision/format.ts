/**
 * Plain-text rendering of what the workflow reports (findings, health matrix, per-device plan,
 * verification, rollback), shared by the CLI commands; the app renders the same data its own way.
 * Every sentence goes through a Translator (the `core` catalogue's format.*, health.*, verify.*,
 * stage.*) with its English here as the fallback; device lines and names are printed as they are.
 */
import { ENGLISH, type MessageParam, type Translator } from '../base/message';
import type { DeviceKey } from '../model/pair';
import type { Diagnostic } from '../validate/diagnostic';
import type { JournalSummary } from './journal';
import { differenceMessage, rollbackErrorMessage, type RollbackErrors } from './rollback-text';
import type { DevicePlanView, DeviceRollback, HealthCheck, VerifyFailure, WorkflowEvent } from './types';
import { failureMessage, formatFailure } from './verify-text';

const MARK: Record<HealthCheck['status'], string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', 'n/a': ' n/a' };
const MARK_KEY: Record<HealthCheck['status'], string> = { pass: 'pass', fail: 'fail', warn: 'warn', 'n/a': 'na' };

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** A diagnostic in the reader's words; the CLI passes one built on the validate catalogue. */
export type FindingText = (d: Diagnostic) => { severity: string; message: string; fix: string };
const asIs: FindingText = (d) => ({ severity: d.severity, message: d.message, fix: d.fix });

export function formatFindings(ds: readonly Diagnostic[], tr: Translator = ENGLISH, say: FindingText = asIs): string {
  if (ds.length === 0) return `${tr.text('format.findings.none', {}, 'Preflight: no findings.')}\n`;
  const fix = (f: string) => tr.text('format.fix', { fix: f }, `fix: ${f}`);
  return ds
    .map((d) => {
      const t = say(d);
      return `${t.severity}: ${t.message}${d.path ? ` [${d.path}]` : ''} (${d.rule})\n  ${fix(t.fix)}\n`;
    })
    .join('');
}

/** A health check's title, reason and fix in the reader's language (English from the check itself). */
export function healthText(c: HealthCheck, tr: Translator = ENGLISH): { title: string; reason: string; fix: string } {
  // A check recorded without a code (an older journal) is shown as it was recorded.
  if (c.code === undefined) return { title: c.title, reason: c.reason, fix: c.fix };
  const title = tr.text(`health.${c.id}.title`, c.params, c.title);
  return { title, reason: tr.text(`${c.code}.reason`, c.params, c.reason), fix: c.fix === '' ? '' : tr.text(`${c.code}.fix`, c.params, c.fix) };
}

export function formatHealth(checks: readonly HealthCheck[], when: string, tr: Translator = ENGLISH): string {
  const said = checks.map((c) => ({ c, t: healthText(c, tr), mark: tr.text(`format.mark.${MARK_KEY[c.status]}`, {}, MARK[c.status]) }));
  const w = Math.max(...said.map((s) => displayWidth(s.t.title)));
  const m = Math.max(...said.map((s) => displayWidth(s.mark)));
  const rows = said.map(({ c, t, mark }) => `  ${' '.repeat(m - displayWidth(mark))}${mark}  ${pad(t.title, w)}  ${t.reason}${t.fix && c.status !== 'pass' ? `\n        ${tr.text('format.fix', { fix: t.fix }, `fix: ${t.fix}`)}` : ''}`);
  return `${tr.text('format.health.header', { when }, `Pair health (${when}):`)}\n${rows.join('\n')}\n`;
}

export function formatPlan(plans: Record<DeviceKey, DevicePlanView>, names: Record<DeviceKey, string>, tr: Translator = ENGLISH): string {
  const out: string[] = [];
  for (const k of ['a', 'b'] as const) {
    const p = plans[k];
    const params = { device: k.toUpperCase(), name: names[k], remove: p.remove.length, add: p.add.length, unchanged: p.unchanged };
    const empty = p.add.length === 0 && p.remove.length === 0;
    const en = `Device ${params.device} (${params.name}): ${empty ? 'nothing to do' : `${p.remove.length} to remove, ${p.add.length} to add`}, ${p.unchanged} already in place`;
    out.push(tr.text(empty ? 'format.plan.nothing' : 'format.plan.device', params, en));
    for (const l of p.remove) out.push(`  - ${l}`);
    for (const l of p.add) out.push(`  + ${l}`);
  }
  return `${out.join('\n')}\n`;
}

export const failureText = (f: VerifyFailure, tr: Translator = ENGLISH): string => {
  const m = failureMessage(f);
  return tr.text(m.code, m.params, formatFailure(f));
};

export function formatVerify(failures: readonly VerifyFailure[], tr: Translator = ENGLISH): string {
  return failures.map((f) => `  ${failureText(f, tr)}\n`).join('');
}

export function formatRollback(r: Record<DeviceKey, DeviceRollback>, tr: Translator = ENGLISH): string {
  const out: string[] = [];
  for (const k of ['a', 'b'] as const) {
    const d = r[k];
    const device = k.toUpperCase();
    if (d.unreachable) {
      const u = d.unreachable;
      const reason: MessageParam = u.reasonSaid ? { sep: 'comma', items: [u.reasonSaid] } : u.reason;
      out.push(
        u.revertsAt
          ? tr.text('format.rollback.unreachable-reverts', { device, reason, at: u.revertsAt }, `Device ${device}: NOT rolled back — ${u.reason}; it reverts itself at ${u.revertsAt} (configuration commit delay)`)
          : tr.text('format.rollback.unreachable', { device, reason }, `Device ${device}: NOT rolled back — ${u.reason}`),
      );
      continue;
    }
    const n = d.differences.length;
    out.push(
      n === 0
        ? tr.text('format.rollback.restored', { device, typed: d.typed }, `Device ${device}: ${d.typed} undo line${d.typed === 1 ? '' : 's'} typed; configuration equals the copy taken before the push`)
        : tr.text('format.rollback.differs', { device, typed: d.typed, count: n }, `Device ${device}: ${d.typed} undo line${d.typed === 1 ? '' : 's'} typed; ${n} line${n === 1 ? ' differs' : 's differ'} from before the push:`),
    );
    for (const l of d.differences) out.push(`    ${differenceText(l, tr)}`);
    for (const i of d.errors.keys()) out.push(`    ${rollbackErrorText(d, i, tr)}`);
  }
  return `${out.join('\n')}\n`;
}

/** A line that differs after a rollback: the device's line as it is, HotPair's placeholder in the reader's words. */
export function differenceText(line: string, tr: Translator = ENGLISH): string {
  const m = differenceMessage(line);
  return m ? tr.text(m.code, m.params, line) : line;
}

/** One of a rollback's `errors`: a device's refusal quoted as it is, HotPair's own note in the reader's words. */
export function rollbackErrorText(d: RollbackErrors, i: number, tr: Translator = ENGLISH): string {
  const e = d.errors[i] ?? '';
  const m = rollbackErrorMessage(d, i);
  return m ? tr.text(m.code, m.params, e) : tr.text('format.rollback.refused', { line: e }, `refused: ${e}`);
}

/** One line per event for a terminal (line progress overwrites nothing: logs stay readable). */
export function formatEvent(e: WorkflowEvent, tr: Translator = ENGLISH): string | undefined {
  switch (e.kind) {
    case 'stage': {
      if (e.phase !== 'begin') return undefined;
      const title = tr.text(`stage.${e.stage}.title`, {}, e.title);
      const explain = e.explain ? tr.text(`stage.${e.stage}.explain`, {}, e.explain) : undefined;
      return `== ${title}${explain ? ` — ${explain}` : ''}\n`;
    }
    case 'line':
      return `  [${e.device.toUpperCase()} ${e.stage} ${e.index + 1}/${e.total}] ${e.line}\n`;
    case 'verify': {
      if (e.failures.length === 0) return `  ${tr.text('format.verify.met', { attempt: e.attempt }, `verify #${e.attempt}: all expectations met`)}\n`;
      const first = e.failures.slice(0, 3);
      const en = `verify #${e.attempt}: waiting for ${e.failures.length}: ${first.map(formatFailure).join('; ')}`;
      return `  ${tr.text('format.verify.waiting', { attempt: e.attempt, count: e.failures.length, failures: { sep: 'semicolon', items: first.map(failureMessage) } }, en)}\n`;
    }
    case 'message':
      return `  ${e.level === 'info' ? '' : `${tr.text(`format.level.${e.level}`, {}, e.level)}: `}${e.code ? tr.text(e.code, e.params, e.text) : e.text}\n`;
    default:
      return undefined;
  }
}

export function formatJournalSummary(path: string, s: JournalSummary, tr: Translator = ENGLISH): string {
  const t = tr.text.bind(tr);
  const state = s.interrupted ? t('format.journal.interrupted', {}, 'INTERRUPTED (no run-end: run `hotpair recover` on it)') : (s.outcome ?? '?');
  const lines = [
    `${s.startedAt ?? '?'}  ${s.pair ?? '?'}  ${state}`,
    `  ${t('format.journal.file', { path }, `journal: ${path}`)}`,
    `  ${t('format.journal.applied', { a: s.applied.a.length, b: s.applied.b.length }, `applied: A ${s.applied.a.length} line${s.applied.a.length === 1 ? '' : 's'}, B ${s.applied.b.length} line${s.applied.b.length === 1 ? '' : 's'}`)}`,
  ];
  for (const f of s.inFlight) lines.push(`  ${t('format.journal.in-flight', { device: f.device.toUpperCase(), line: f.line }, `in flight on ${f.device.toUpperCase()} (may have reached the device): ${f.line}`)}`);
  for (const k of ['a', 'b'] as const) if (s.rolledBack[k]) lines.push(`  ${t('format.journal.rollback', { device: k.toUpperCase(), state: s.rolledBack[k] }, `rollback ${k.toUpperCase()}: ${s.rolledBack[k]}`)}`);
  for (const k of ['a', 'b'] as const) {
    const c = s.commitDelay[k];
    const at = c?.deadline ?? '?';
    if (c && !c.confirmed && s.interrupted) lines.push(`  ${t('format.journal.commit-pending', { device: k.toUpperCase(), at }, `commit delay pending on ${k.toUpperCase()}: the device reverts itself at ${at}`)}`);
  }
  for (const k of ['a', 'b'] as const) {
    const c = s.savedConfig[k];
    if (!c) continue;
    const how =
      c.method === 'sftp'
        ? t('format.journal.via-sftp', { path: c.path ?? '?' }, `${c.path ?? '?'} via SFTP`)
        : c.reason
          ? t('format.journal.via-display', { reason: c.reason }, `display saved-configuration (${c.reason})`)
          : t('format.journal.via-display-no-sftp', {}, 'display saved-configuration (SFTP not used)');
    const en = `saved configuration before the push, ${k.toUpperCase()}: ${c.bytes} bytes, ${how}`;
    lines.push(`  ${t('format.journal.saved', { device: k.toUpperCase(), bytes: c.bytes, how }, en)}${c.file ? t('format.journal.in-file', { file: c.file }, ` in ${c.file}`) : ''}${c.sha256 ? ` (sha256 ${c.sha256})` : ''}`);
  }
  if (s.oneCable) lines.push(...formatOneCable(s.oneCable, tr));
  if (s.damagedLines > 0) lines.push(`  ${t('format.journal.torn', { count: s.damagedLines }, `${s.damagedLines} torn record${s.damagedLines === 1 ? '' : 's'} skipped`)}`);
  return `${lines.join('\n')}\n`;
}

const CABLE_PHASE: Record<NonNullable<JournalSummary['oneCable']>['cable'][number]['phase'], string> = { wait: 'asked for', plugged: 'port came back on', confirmed: 'confirmed by the engineer on', presumed: 'port unchanged, tried' };
const clock = (iso: string) => iso.slice(11, 19);

/** The cable's moves and who answered each time: where a one-cable run stood when it stopped. */
function formatOneCable(o: NonNullable<JournalSummary['oneCable']>, tr: Translator): string[] {
  const t = tr.text.bind(tr);
  const moves = o.cable.length === 0 ? t('format.cable.never', {}, 'never moved') : o.cable.map((c) => `${clock(c.time)} ${t(`format.cable.${c.phase}`, { device: c.to.toUpperCase() }, `${CABLE_PHASE[c.phase]} ${c.to.toUpperCase()}`)}`).join(t('sep.comma', {}, ', '));
  const out = [`  ${t('format.cable.moves', { moves }, `one console cable: ${moves}`)}`];
  for (const a of o.answered) {
    const parts = [a.sysname, a.serialNumber && t('format.cable.serial', { value: a.serialNumber }, `serial ${a.serialNumber}`), a.mac && `MAC ${a.mac}`].filter(Boolean);
    const id = parts.length ? parts.join(t('sep.comma', {}, ', ')) : t('format.cable.no-identity', {}, 'no identity read');
    const verdict = a.device === a.expected ? t('format.cable.as-expected', {}, 'as expected') : a.device ? t('format.cable.other', { device: a.device.toUpperCase() }, `device ${a.device.toUpperCase()} instead: refused`) : t('format.cable.neither', {}, 'neither A nor B: refused');
    out.push(`  ${clock(a.time)} ${t('format.cable.answered', { device: a.expected.toUpperCase(), id, verdict }, `answered for ${a.expected.toUpperCase()}: ${id} (${verdict})`)}`);
  }
  return out;
}
