/** The commissioning run's sections of the report, each a pure function of the journal's records. */
import { ENGLISH, type Translator } from '../base/message';
import { warningText } from '../discover/format';
import type { DeviceFacts } from '../model/facts';
import type { DeviceKey } from '../model/pair';
import { healthText, type FindingText } from '../provision/format';
import type { HealthCheck } from '../provision/types';
import { RULES } from '../validate/index';
import { badge, esc, none, section, table } from './html-text';
import type { CommissioningRun } from './model';
import { say } from './say';

const KEYS: readonly DeviceKey[] = ['a', 'b'];
const up = (k: DeviceKey) => k.toUpperCase();
const name = (run: CommissioningRun, k: DeviceKey, tr: Translator = ENGLISH) => run.facts[k]?.sysname ?? say(tr, 'device', `device ${up(k)}`, { device: up(k) });
const kv = (rows: [string, string][]) => `<table class="kv"><tbody>\n${rows.map(([k, v]) => `<tr><td class="k">${esc(k)}</td><td>${v}</td></tr>`).join('\n')}\n</tbody></table>`;
const lines = (ls: readonly string[]) => (ls.length === 0 ? '' : `<pre>${ls.map(esc).join('\n')}</pre>`);

function duration(from: string, to: string | undefined): string {
  if (to === undefined) return '';
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '';
}

export function summarySection(run: CommissioningRun, drills: number, tr: Translator = ENGLISH): string {
  const notRecorded = say(tr, 'not-recorded', '(not recorded)');
  const noEnd = say(tr, 'no-end', '(no end recorded)');
  const verdict = run.interrupted ? say(tr, 'interrupted', 'interrupted (no end recorded)') : run.outcome ? say(tr, `outcome.${run.outcome}`, run.outcome) : say(tr, 'unknown', 'unknown');
  const status = run.outcome === 'success' ? 'success' : run.outcome === 'nothing-to-do' ? 'ok' : 'failed';
  const rows: [string, string][] = [
    [say(tr, 'summary.pair', 'Site / pair'), esc(run.pair)],
    [say(tr, 'summary.file', 'Pair file'), esc(run.pairFile ?? notRecorded)],
    [say(tr, 'summary.run', 'Commissioning run'), `<span class="mono">${esc(run.runId)}</span>`],
    [say(tr, 'summary.started', 'Started'), esc(run.startedAt)],
    [say(tr, 'summary.ended', 'Ended'), esc(run.endedAt ? `${run.endedAt} (${duration(run.startedAt, run.endedAt)})` : noEnd)],
    [say(tr, 'summary.outcome', 'Outcome'), `${badge(status, say(tr, `badge.${status}`, status))} ${esc(verdict)}${run.message ? ` — ${esc(run.message)}` : ''}`],
  ];
  for (const k of KEYS) {
    const rbm = run.facts[k]?.rbm;
    const at = say(tr, 'summary.at', 'at');
    rows.push([say(tr, 'summary.device', `Device ${up(k)}`, { device: up(k) }), `${esc(name(run, k, tr))} ${esc(at)} <span class="mono">${esc(run.targets[k])}</span>${rbm?.mode ? `, ${esc(rbm.mode)}` : ''}`]);
  }
  rows.push([say(tr, 'summary.applied', 'Lines applied'), `A ${run.applied.a.length}, B ${run.applied.b.length}`]);
  rows.push([say(tr, 'summary.drills', 'Drills after it'), String(drills)]);
  return section('summary', say(tr, 'summary.title', 'Site and pair'), kv(rows));
}

const FACT_ROWS: [string, string, (f: DeviceFacts, tr: Translator) => string | undefined][] = [
  ['sysname', 'Sysname', (f) => f.sysname],
  ['vendor', 'Vendor', (f) => f.vendor],
  ['model', 'Model', (f) => f.model],
  ['software', 'Software', (f) => f.softwareVersion],
  ['release', 'Release', (f) => f.release],
  ['serial', 'Serial number', (f) => f.serialNumber],
  ['mac', 'MAC', (f) => f.mac],
  ['uptime', 'Uptime', (f) => (f.uptimeSeconds !== undefined ? `${f.uptimeSeconds} s` : undefined)],
  ['clock', 'Clock', (f) => f.clock],
  ['rbm', 'RBM configured', (f) => (f.rbm ? (f.rbm.configured ? 'yes' : 'no') : undefined)],
  ['role', 'RBM role / status', (f) => (f.rbm?.role || f.rbm?.runningStatus ? `${f.rbm.role ?? '-'} / ${f.rbm.runningStatus ?? '-'}` : undefined)],
  ['control', 'Control channel', (f) => f.rbm?.controlChannel],
  ['consistency', 'Consistency', (f) => f.rbm?.consistency],
  ['interfaces', 'Interfaces', (f) => `${f.interfaces.length}`],
  ['addresses', 'Addresses', (f) => f.interfaces.filter((i) => i.address).map((i) => `${i.name} ${i.address}`).join('\n') || undefined],
  ['vrrp', 'VRRP groups', (f) => f.vrrp.map((v) => `${v.interface} vrid ${v.vrid} ${v.state}${v.virtualIp ? ` ${v.virtualIp}` : ''}`).join('\n') || undefined],
  // What could not be read follows the report's language; the device values in it stay as written.
  ['not-read', 'Not read', (f, tr) => f.warnings.map((_, i) => warningText(f, i, tr)).join('\n') || undefined],
];

export function devicesSection(run: CommissioningRun, tr: Translator = ENGLISH): string {
  const title = say(tr, 'devices.title', 'Devices (as discovered before the push)');
  if (!run.facts.a && !run.facts.b) return section('devices', title, none(say(tr, 'devices.none', 'The journal holds no discovery facts (a run made before HotPair recorded them).')));
  const cell = (k: DeviceKey, id: string, read: (f: DeviceFacts, tr: Translator) => string | undefined) => {
    const f = run.facts[k];
    let v = f ? read(f, tr) : undefined;
    // yes/no are HotPair's words; the other cells are what the device printed.
    if (id === 'rbm' && v !== undefined) v = say(tr, `devices.${v}`, v);
    return v === undefined ? '<span class="none">—</span>' : v.includes('\n') ? `<pre>${esc(v)}</pre>` : esc(v);
  };
  const rows = FACT_ROWS.map(([id, label, read]) => [esc(say(tr, `devices.fact.${id}`, label)), cell('a', id, read), cell('b', id, read)]);
  return section('devices', title, table([say(tr, 'devices.fact-column', 'Fact'), `A: ${name(run, 'a', tr)}`, `B: ${name(run, 'b', tr)}`], rows));
}

/**
 * What the report needs beyond the core catalogue: the validator's findings and rule summaries
 * come from the validate catalogue, which the caller reads (src/i18n); English without one.
 */
export interface ReportLanguage {
  tr: Translator;
  finding?: FindingText;
  ruleSummary?: (id: string, english: string) => string;
}
export const ENGLISH_REPORT: ReportLanguage = { tr: ENGLISH };

export function rulesSection(run: CommissioningRun, lang: ReportLanguage = ENGLISH_REPORT): string {
  const { tr } = lang;
  const said = lang.finding ?? ((d) => ({ severity: d.severity, message: d.message, fix: d.fix }));
  const sev = (s: string) => badge(s, say(tr, `badge.${s}`, s));
  const parts: string[] = [];
  const p = run.preflight;
  if (!p) parts.push(none(say(tr, 'rules.none', 'The journal holds no preflight record (a run made before HotPair recorded it).')));
  else {
    const summaries = new Map(RULES.map((r) => [r.id, lang.ruleSummary ? lang.ruleSummary(r.id, r.summary) : r.summary]));
    const byRule = new Map<string, typeof p.findings>();
    for (const f of p.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    const verdict = (id: string) => {
      const fs = byRule.get(id) ?? [];
      if (fs.length === 0) return sev('pass');
      return fs.map((f) => `${sev(f.severity)} ${esc(said(f).message)}${f.path ? ` <span class="mono">[${esc(f.path)}]</span>` : ''}`).join('<br>');
    };
    const count = (s: 'error' | 'warning' | 'info') => p.findings.filter((f) => f.severity === s).length;
    const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
    // Counts and catalogue text only: nothing from a device or a file to escape (and the English page stays byte-for-byte what it was).
    parts.push(`<p>${(say(tr, 'rules.checked', `${p.rules.length} rules checked against the pair file and both devices' facts; findings: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'}.`, { rules: p.rules.length, errors, warnings, infos }))}</p>`);
    parts.push(table([say(tr, 'rules.rule', 'Rule'), say(tr, 'rules.what', 'What it checks'), say(tr, 'rules.verdict', 'Verdict')], p.rules.map((id) => [`<span class="mono">${esc(id)}</span>`, esc(summaries.get(id) ?? ''), verdict(id)]), 'rules'));
    const facts = p.findings.filter((f) => !p.rules.includes(f.rule));
    parts.push(`<h3>${esc(say(tr, 'rules.facts', 'Checks on the discovered facts'))}</h3>`);
    parts.push(
      facts.length === 0
        ? `<p>${esc(say(tr, 'rules.facts-none', 'Interfaces named in the pair file, addresses, aggregation, software and device identity: no findings.'))}</p>`
        : table([say(tr, 'rules.check', 'Check'), say(tr, 'rules.finding', 'Finding'), say(tr, 'rules.fix', 'Fix')], facts.map((f) => [`<span class="mono">${esc(f.rule)}</span>`, `${sev(f.severity)} ${esc(said(f).message)}`, esc(said(f).fix)])),
    );
  }
  parts.push(`<h3>${esc(say(tr, 'probe.title', 'Syntax probe'))}</h3>`);
  if (run.probe.length === 0) parts.push(none(say(tr, 'probe.none', 'No syntax probe result recorded for this run.')));
  else {
    const detail = (x: CommissioningRun['probe'][number]) => {
      if (x.phase === 'done')
        return x.unconfirmed?.length ? `${esc(say(tr, 'probe.unconfirmed', `${x.unconfirmed.length} line${x.unconfirmed.length === 1 ? '' : 's'} the devices did not confirm:`, { count: x.unconfirmed.length }))}${lines(x.unconfirmed)}` : esc(say(tr, 'probe.confirmed', "every planned line confirmed by the devices' help"));
      const phase = say(tr, `probe.${x.phase}`, x.phase);
      return esc(x.reason ? say(tr, 'probe.reason', `${phase}: ${x.reason}`, { phase, reason: x.reason }) : phase);
    };
    parts.push(
      table(
        [say(tr, 'probe.verdict', 'Verdict'), say(tr, 'probe.device', 'Device'), say(tr, 'probe.detail', 'Detail'), say(tr, 'probe.time', 'Time')],
        run.probe.map((x) => {
          const st = x.phase === 'done' ? (x.unconfirmed?.length ? 'warn' : 'pass') : x.phase === 'forced' ? 'warn' : 'skipped';
          return [badge(st, say(tr, `badge.${st}`, st)), esc(x.device ? up(x.device) : say(tr, 'probe.both', 'both')), detail(x), esc(x.time)];
        }),
      ),
    );
  }
  return section('rules', say(tr, 'rules.title', 'Rules checked and syntax probe'), parts.join('\n'));
}

export function healthSection(run: CommissioningRun, tr: Translator = ENGLISH): string {
  const cols = (['before', 'after', 'now'] as const).filter((w) => run.health[w]);
  const title = say(tr, 'health.title', 'Health matrix');
  if (cols.length === 0) return section('health', title, none(say(tr, 'health.none', 'The journal holds no health matrix.')));
  const ids: string[] = [];
  const titles = new Map<string, string>();
  for (const w of cols) {
    for (const c of run.health[w] ?? []) {
      if (titles.has(c.id)) continue;
      ids.push(c.id);
      titles.set(c.id, healthText(c, tr).title);
    }
  }
  const cell = (c: HealthCheck | undefined) => (c ? `${badge(c.status, say(tr, `badge.${c.status === 'n/a' ? 'na' : c.status}`, c.status))} ${esc(healthText(c, tr).reason)}` : '<span class="none">—</span>');
  const label = { before: say(tr, 'health.before', 'Before the push'), after: say(tr, 'health.after', 'After the push'), now: say(tr, 'health.now', 'After the rollback') };
  const rows = ids.map((id) => [esc(titles.get(id)), ...cols.map((w) => cell(run.health[w]?.find((c) => c.id === id)))]);
  return section('health', title, table([say(tr, 'health.check', 'Check'), ...cols.map((w) => label[w])], rows, 'health'));
}

export function planSection(run: CommissioningRun, tr: Translator = ENGLISH): string {
  const parts: string[] = [];
  for (const k of KEYS) {
    const plan = run.plans[k];
    const applied = run.applied[k];
    parts.push(`<h3>${esc(say(tr, 'plan.device', `Device ${up(k)}: ${name(run, k, tr)}`, { device: up(k), name: name(run, k, tr) }))}</h3>`);
    if (!plan) {
      parts.push(none(say(tr, 'plan.none', 'No plan recorded.')));
      continue;
    }
    const counts = { remove: plan.remove.length, add: plan.add.length, applied: applied.length };
    parts.push(`<p>${esc(say(tr, 'plan.counts', `Planned: ${counts.remove} line${counts.remove === 1 ? '' : 's'} to remove, ${counts.add} to add; confirmed applied: ${counts.applied}.`, counts))}</p>`);
    if (plan.remove.length > 0) parts.push(`<p>${esc(say(tr, 'plan.removed', 'Removed:'))}</p>${lines(plan.remove.map((l) => `- ${l}`))}`);
    if (applied.length > 0) parts.push(table(['#', say(tr, 'plan.stage', 'Stage'), say(tr, 'plan.line', 'Line applied')], applied.map((a, i) => [String(i + 1), esc(a.stage), `<span class="mono">${esc(a.line)}</span>`]), 'applied'));
    const missing = plan.add.filter((l) => !applied.some((a) => a.line === l));
    if (missing.length > 0 && run.outcome === 'success') parts.push(`<p>${esc(say(tr, 'plan.synced', 'Planned lines not typed here (the device received them by configuration sync):'))}</p>${lines(missing)}`);
    else if (missing.length > 0) parts.push(`<p>${esc(say(tr, 'plan.missing', 'Planned lines not confirmed applied:'))}</p>${lines(missing)}`);
  }
  if (run.stages.length > 0) {
    parts.push(`<h3>${esc(say(tr, 'plan.stages', 'Stages'))}</h3>`);
    const notFinished = say(tr, 'plan.not-finished', 'not finished');
    parts.push(table([say(tr, 'plan.stage', 'Stage'), say(tr, 'plan.began', 'Began'), say(tr, 'plan.took', 'Took')], run.stages.map((s) => [esc(s.name), esc(s.begin), esc(s.done ? duration(s.begin, s.done) : notFinished)])));
  }
  return section('plan', say(tr, 'plan.title', 'Applied plan per device'), parts.join('\n'));
}

export function verificationSection(run: CommissioningRun, tr: Translator = ENGLISH): string {
  const last = run.verify[run.verify.length - 1];
  const b = (st: string) => badge(st, say(tr, `badge.${st}`, st));
  const notReached = `<span class="none">${esc(say(tr, 'verification.not-reached', 'not reached'))}</span>`;
  const rows: [string, string][] = [[say(tr, 'verification.title', 'Verification'), last ? `${b(last.ok ? 'pass' : 'fail')} ${esc(last.time)}${last.failures?.length ? lines(last.failures) : ''}` : notReached]];
  for (const k of KEYS) {
    const cd = run.commitDelay[k];
    if (!cd) continue;
    const window = cd.minutes !== undefined ? say(tr, 'verification.window', `${cd.minutes} min window, `, { minutes: cd.minutes }) : '';
    rows.push([say(tr, 'verification.commit-delay', `Commit delay ${up(k)}`, { device: up(k) }), `${window}${cd.confirmed ? say(tr, 'verification.confirmed', 'confirmed') : say(tr, 'verification.not-confirmed', 'not confirmed')}`]);
  }
  for (const k of KEYS) {
    const s = run.saves[k];
    rows.push([say(tr, 'verification.saved', `Saved on ${up(k)}`, { device: up(k) }), s ? `${b(s.ok ? 'yes' : 'no')}${s.error ? ` ${esc(s.error)}` : ''}` : notReached]);
  }
  for (const k of KEYS) if (run.rolledBack[k]) rows.push([say(tr, 'verification.rollback', `Rollback ${up(k)}`, { device: up(k) }), esc(say(tr, `verification.rollback-${run.rolledBack[k]}`, run.rolledBack[k] as string))]);
  return section('verification', say(tr, 'verification.title', 'Verification'), kv(rows));
}

export function evidenceSection(run: CommissioningRun, tr: Translator = ENGLISH): string {
  const state = (now: 'unchanged' | 'changed' | 'missing') => {
    const st = { unchanged: 'ok', changed: 'fail', missing: 'warn' }[now];
    return `${badge(st, say(tr, `badge.${st}`, st))} ${esc(say(tr, `evidence.${now}`, now))}`;
  };
  const rows = run.transcripts.map((t) => [esc(up(t.device)), `<span class="mono">${esc(t.file)}</span>`, String(t.bytes), `<span class="mono">${esc(t.sha256)}</span>`, t.now ? state(t.now) : '']);
  const device = say(tr, 'evidence.device', 'Device');
  const parts = [
    rows.length === 0
      ? none(say(tr, 'evidence.none', 'No transcript recorded in the journal.'))
      : table([device, say(tr, 'evidence.transcript', 'Transcript'), say(tr, 'evidence.bytes', 'Bytes'), say(tr, 'evidence.sha-end', 'SHA-256 at the end of the run'), say(tr, 'evidence.when-reported', 'File when reported')], rows, 'transcripts'),
  ];
  const copies = KEYS.flatMap((k) => {
    const c = run.savedConfig[k];
    return c ? [[esc(up(k)), esc(`${c.method}${c.file ? `: ${c.file}` : ''}`), String(c.bytes), `<span class="mono">${esc(c.sha256 ?? '')}</span>`]] : [];
  });
  if (copies.length > 0)
    parts.push(`<h3>${esc(say(tr, 'evidence.copies', 'Saved configurations kept before the push'))}</h3>`, table([device, say(tr, 'evidence.copy', 'Copy'), say(tr, 'evidence.bytes', 'Bytes'), 'SHA-256'], copies));
  return section('transcripts', say(tr, 'evidence.title', 'Transcripts (SHA-256)'), parts.join('\n'));
}
