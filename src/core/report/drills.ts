/** The drills that followed the commissioning: figures, timeline chart and events of each. */
import { ENGLISH, type Translator } from '../base/message';
import { badge, esc, none, section, table } from './html-text';
import type { DrillFigures, DrillReport } from './model';
import { say } from './say';
import { formatSeconds, timelineEvents, timelineSvg } from './timeline';

function figures(tr: Translator): [string, (f: DrillFigures) => string][] {
  const ms = (v: number | null) => (v === null ? say(tr, 'drills.not-measured', 'not measured') : say(tr, 'drills.ms', `${Math.round(v)} ms`, { ms: Math.round(v) }));
  return [
    [say(tr, 'drills.switchover', 'Switchover (trigger → new active, every VRRP group moved)'), (f) => ms(f.switchoverMs)],
    [say(tr, 'drills.interruption', 'Interruption (longest probe gap)'), (f) => ms(f.interruptionMs)],
    [say(tr, 'drills.failed-probes', 'Failed probes'), (f) => (f.failedProbes === null ? say(tr, 'drills.no-probes', 'no probes') : String(f.failedProbes))],
    [
      say(tr, 'drills.sessions', 'Sessions preserved'),
      (f) =>
        f.sessionsPreservedPct === null
          ? say(tr, 'drills.not-measured', 'not measured')
          : `${f.sessionsPreservedPct.toFixed(1)} %${f.sessionsBefore !== undefined && f.sessionsAfter !== undefined ? say(tr, 'drills.of', ` (${f.sessionsAfter} of ${f.sessionsBefore})`, { after: f.sessionsAfter, before: f.sessionsBefore }) : ''}`,
    ],
    [
      say(tr, 'drills.trigger', 'Trigger'),
      (f) =>
        `${f.trigger ? say(tr, `drills.trigger-${f.trigger}`, f.trigger) : '?'}${f.from && f.to ? `, ${f.from.toUpperCase()} → ${f.to.toUpperCase()}` : ''}${f.delayMs !== undefined ? say(tr, 'drills.delay', `, fallback delay ${ms(f.delayMs)}`, { delay: ms(f.delayMs) }) : ''}`,
    ],
  ];
}

function perTarget(d: DrillReport, tr: Translator): string {
  const ms = (v: number) => say(tr, 'drills.ms', `${Math.round(v)} ms`, { ms: Math.round(v) });
  const phases = [['switchover', d.figures], ['switchback', d.switchback]] as const;
  const rows = phases.flatMap(([phase, f]) =>
    (f?.targets ?? []).map((t) => [
      esc(say(tr, `drills.${phase}-move`, phase)),
      `<span class="mono">${esc(t.target)}</span>`,
      String(t.probes),
      String(t.failed),
      esc(ms(t.interruptionMs)),
      t.recovered ? badge('yes', say(tr, 'badge.yes', 'yes')) : badge('no', say(tr, 'badge.no', 'no')),
    ]),
  );
  const head = [say(tr, 'drills.move', 'Move'), say(tr, 'drills.target', 'Probe target'), say(tr, 'drills.probes', 'Probes'), say(tr, 'drills.failed', 'Failed'), say(tr, 'drills.gap', 'Longest gap'), say(tr, 'drills.answered', 'Answered again')];
  return rows.length === 0 ? '' : table(head, rows);
}

function drill(d: DrillReport, n: number, tr: Translator): string {
  const ok = d.outcome === 'passed';
  const what = esc(say(tr, d.interface ? 'drills.head-link' : 'drills.head', `Drill ${n}: ${d.kind}${d.interface ? ` of ${d.interface}` : ''}`, { n, kind: say(tr, `drills.kind-${d.kind}`, d.kind), interface: d.interface ?? '' }));
  const st = ok ? 'pass' : 'fail';
  const head = `<h3>${what} — ${badge(st, say(tr, `badge.${st}`, st))} ${esc(say(tr, `drills.outcome-${d.outcome}`, d.outcome))}</h3>`;
  const meta = table([say(tr, 'drills.run', 'Run'), say(tr, 'drills.started', 'Started'), say(tr, 'drills.ended', 'Ended'), say(tr, 'drills.probed', 'Probed')], [[`<span class="mono">${esc(d.runId)}</span>`, esc(d.startedAt), esc(d.endedAt ?? '—'), esc(d.probes.join(', ') || say(tr, 'drills.none-probed', 'none'))]]);
  const parts = [head, meta];
  if (d.message) parts.push(`<p>${esc(d.message)}</p>`);
  if (d.releaseNote) parts.push(`<p class="fine">${esc(d.releaseNote)}</p>`);
  if (d.figures) {
    const [fig, sw, sb] = [say(tr, 'drills.figure', 'Figure'), say(tr, 'drills.switchover-col', 'Switchover'), say(tr, 'drills.switchback-col', 'Switchback')];
    const cols = d.switchback ? [fig, sw, sb] : [fig, sw];
    parts.push(table(cols, figures(tr).map(([label, read]) => [esc(label), esc(read(d.figures as DrillFigures)), ...(d.switchback ? [esc(read(d.switchback))] : [])]), 'figures'));
    parts.push(perTarget(d, tr));
  } else parts.push(none(say(tr, 'drills.not-triggered', 'The drill stopped before the trigger: nothing was measured.')));
  parts.push(timelineSvg(d, tr));
  const events = timelineEvents(d);
  const warn = badge('warn', say(tr, 'badge.warn', 'warn'));
  parts.push(
    events.length === 0
      ? none(say(tr, 'drills.no-events', 'No events recorded.'))
      : table(['#', say(tr, 'drills.at', 'At'), say(tr, 'drills.event', 'Event')], events.map((e) => [String(e.n), esc(`+${formatSeconds(e.offsetMs)}`), `${e.unexpected ? `${warn} ` : ''}${esc(e.text)}`]), 'events'),
  );
  const standing = Object.entries(d.standing ?? {}).map(([k, v]) => [esc(k.toUpperCase()), esc(v)]);
  const where = d.restored === undefined ? say(tr, 'drills.stood', 'Where it stood at the end') : d.restored ? say(tr, 'drills.stood-back', 'Where it stood at the end (put back)') : say(tr, 'drills.stood-not-back', 'Where it stood at the end (NOT put back)');
  if (standing.length > 0) parts.push(table([say(tr, 'evidence.device', 'Device'), where], standing));
  return `<div class="drill">\n${parts.filter(Boolean).join('\n')}\n</div>`;
}

export function drillsSection(drills: readonly DrillReport[], tr: Translator = ENGLISH): string {
  const title = say(tr, 'drills.title', 'Failover drills');
  if (drills.length === 0) return section('drills', title, none(say(tr, 'drills.none', 'No drill followed this commissioning run.')));
  return section('drills', title, drills.map((d, i) => drill(d, i + 1, tr)).join('\n'));
}
