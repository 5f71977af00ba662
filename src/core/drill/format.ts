/** A drill's record as the engineer reads it on a terminal, in the reader's language (core catalogue drill.*). */
import { ENGLISH, type Translator } from '../base/message';
import type { DrillPlan } from './plan';
import type { DrillRecord, PhaseFigures, TimelineEntry } from './types';

export function formatPhase(f: PhaseFigures, tr: Translator = ENGLISH): string {
  const t = tr.text.bind(tr);
  const ms = (v: number | null) => (v === null ? t('drill.figure.not-seen', {}, 'not seen') : t('drill.figure.ms', { ms: v }, `${v} ms`));
  const delay = Math.round((f.delayMs ?? 0) / 1000);
  const trigger = f.trigger === 'manual' ? t('drill.trigger.manual', {}, 'manual switchover') : f.trigger === 'link-down' ? t('drill.trigger.link-down', {}, 'link down') : t('drill.trigger.fallback', { delay }, `RBM fallback, ${delay} s delay included`);
  const [from, to] = [f.from.toUpperCase(), f.to.toUpperCase()];
  const head = t(`drill.phase.${f.phase}`, { from, to, trigger }, `${f.phase === 'switchover' ? 'Switchover' : 'Switchback'} ${from} → ${to} (${trigger})`);
  const interruption = f.interruptionMs === null ? t('drill.figure.no-probes', {}, 'no probes') : t('drill.figure.interruption', { ms: f.interruptionMs, failed: f.failedProbes ?? 0 }, `${f.interruptionMs} ms (longest probe gap), ${f.failedProbes ?? 0} failed probe${f.failedProbes === 1 ? '' : 's'}`);
  const sessions =
    f.sessionsPreservedPct === null
      ? f.sessionsBefore === undefined
        ? t('drill.figure.sessions-unread', {}, 'not measured (counters not read)')
        : t('drill.figure.sessions-none', {}, 'not measured (no sessions before)')
      : t('drill.figure.sessions', { pct: f.sessionsPreservedPct, before: f.sessionsBefore ?? 0, after: f.sessionsAfter ?? 0, from, to }, `${f.sessionsPreservedPct} % (${f.sessionsBefore} before on ${from}, ${f.sessionsAfter} after on ${to})`);
  const lines = [
    `  ${t('drill.figure.switchover-line', { value: ms(f.switchoverMs) }, `switchover time      ${ms(f.switchoverMs)} (trigger → new Active reports Active and every VRRP group moved)`)}`,
    `  ${t('drill.figure.interruption-line', { value: interruption }, `interruption         ${interruption}`)}`,
    ...f.targets.map((x) => {
      const en = `${x.probes} probes, ${x.failed} failed, longest gap ${x.interruptionMs} ms${x.recovered ? '' : ' (NOT answering again)'}`;
      return `    ${x.target.padEnd(22)} ${t(x.recovered ? 'drill.figure.target' : 'drill.figure.target-lost', { probes: x.probes, failed: x.failed, ms: x.interruptionMs }, en)}`;
    }),
    `  ${t('drill.figure.sessions-line', { value: sessions }, `sessions preserved   ${sessions}`)}`,
  ];
  return `${head}\n${lines.join('\n')}\n`;
}

export function formatStep(e: TimelineEntry, t0: number, tr: Translator = ENGLISH): string {
  return `  +${((e.at - t0) / 1000).toFixed(3).padStart(7)} s  ${e.unexpected ? `${tr.text('drill.unexpected', {}, 'UNEXPECTED')}: ` : ''}${e.code ? tr.text(e.code, e.params, e.text) : e.text}\n`;
}

/** The closing lines: the verdict, and after a failure where each device stands (the figures were printed as they came). */
export function formatVerdict(r: DrillRecord, tr: Translator = ENGLISH): string {
  const verdict = tr.text(`drill.outcome.${r.outcome}`, {}, { passed: 'PASSED', failed: 'FAILED', refused: 'REFUSED', declined: 'NOT RUN' }[r.outcome]);
  const at = (k: 'a' | 'b') => (r.standingSaid ? tr.text(r.standingSaid[k].code, r.standingSaid[k].params, r.standing[k]) : r.standing[k]);
  const standing = r.outcome === 'failed' ? `${tr.text('drill.standing', {}, 'Where each device stands:')}\n  ${at('a')}\n  ${at('b')}\n` : '';
  const message = r.said ? tr.text(r.said.code, r.said.params, r.message) : r.message;
  return `${tr.text('drill.verdict', { verdict, message }, `Drill ${verdict}: ${r.message}`)}\n${standing}`;
}

/** The plan the engineer confirms, in the reader's language (its English lines when it carries no messages). */
export function planLines(plan: DrillPlan, tr: Translator = ENGLISH): string[] {
  if (!plan.said || plan.said.length !== plan.lines.length) return plan.lines;
  return plan.said.map((m, n) => tr.text(m.code, m.params, plan.lines[n] as string));
}
