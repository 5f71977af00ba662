import type { TFunction } from 'i18next';
import { parseProbe, probeText } from '../../../../src/core/drill/plan';
import { i18n } from '../../i18n';
import type { DrillAsk } from '../../store/slices/drill';

/** The drill dialog's form as typed. */
export interface DrillFormValues {
  kind: 'switchover' | 'link';
  interface: string;
  /** HOST:PORT targets separated by spaces, commas or new lines. */
  probes: string;
  fallback: boolean;
}

export const MAX_PROBES = 16;

/** The catalogue's English, for callers that do not say which language (the words are the same keys either way). */
const english: TFunction = i18n.getFixedT('en', 'app');

/**
 * The form → what the drill is asked, or the first problem in the reader's language (`t`), naming
 * the field it is in. Probes are read by core's parser, the one the host and `hotpair drill --probe` use.
 */
export function drillAsk(v: DrillFormValues, t: TFunction = english): { ok: true; ask: DrillAsk } | { ok: false; field: 'interface' | 'probes'; message: string } {
  if (v.kind === 'link' && !v.interface) return { ok: false, field: 'interface', message: t('drill.error.interface') };
  const words = v.probes.split(/[\s,]+/).filter(Boolean);
  if (words.length > MAX_PROBES) return { ok: false, field: 'probes', message: t('drill.error.tooMany', { max: MAX_PROBES, count: words.length }) };
  const probes: string[] = [];
  for (const w of words) {
    const r = parseProbe(w);
    if (!r.ok) return { ok: false, field: 'probes', message: t('drill.error.probe', { probe: w }) };
    const text = probeText(r.target);
    if (!probes.includes(text)) probes.push(text);
  }
  return { ok: true, ask: { kind: v.kind === 'link' ? { kind: 'link', interface: v.interface } : { kind: 'switchover' }, probes, fallback: v.fallback } };
}

/** A drill's figures as the engineer reads them, in the reader's language. */
export function figureRows(t: TFunction, f: { switchoverMs: number | null; interruptionMs: number | null; failedProbes: number | null; sessionsPreservedPct: number | null }): [string, string][] {
  const ms = (v: number | null) => (v === null ? t('drill.figure.notMeasured') : t('drill.figure.ms', { ms: Math.round(v) }));
  return [
    [t('drill.figure.switchover'), ms(f.switchoverMs)],
    [t('drill.figure.interruption'), f.interruptionMs === null ? t('drill.figure.notProbed') : ms(f.interruptionMs)],
    [t('drill.figure.failedProbes'), f.failedProbes === null ? t('drill.figure.notProbed') : String(f.failedProbes)],
    [t('drill.figure.sessions'), f.sessionsPreservedPct === null ? t('drill.figure.notRead') : `${Math.round(f.sessionsPreservedPct * 10) / 10} %`],
  ];
}
