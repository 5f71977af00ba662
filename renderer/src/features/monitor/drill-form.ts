import { parseProbe, probeText } from '../../../../src/core/drill/plan';
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

/**
 * The form → what the drill is asked, or the first problem, naming the field it is in. Probes are
 * read by core's parser, the one the host and `hotpair drill --probe` use.
 */
export function drillAsk(v: DrillFormValues): { ok: true; ask: DrillAsk } | { ok: false; field: 'interface' | 'probes'; message: string } {
  if (v.kind === 'link' && !v.interface) return { ok: false, field: 'interface', message: 'Interface to shut: choose one of the monitored interfaces.' };
  const words = v.probes.split(/[\s,]+/).filter(Boolean);
  if (words.length > MAX_PROBES) return { ok: false, field: 'probes', message: `Probe targets: at most ${MAX_PROBES} (${words.length} given).` };
  const probes: string[] = [];
  for (const w of words) {
    const r = parseProbe(w);
    if (!r.ok) return { ok: false, field: 'probes', message: `Probe targets: "${w}" is not HOST:PORT (a port 1–65535; an IPv6 address as [ADDR]:PORT).` };
    const text = probeText(r.target);
    if (!probes.includes(text)) probes.push(text);
  }
  return { ok: true, ask: { kind: v.kind === 'link' ? { kind: 'link', interface: v.interface } : { kind: 'switchover' }, probes, fallback: v.fallback } };
}

const ms = (v: number | null) => (v === null ? 'not measured' : `${Math.round(v)} ms`);

/** A drill's figures as the engineer reads them (the same words in the dialog and in Recent runs). */
export function figureRows(f: { switchoverMs: number | null; interruptionMs: number | null; failedProbes: number | null; sessionsPreservedPct: number | null }): [string, string][] {
  return [
    ['Switchover', ms(f.switchoverMs)],
    ['Interruption (longest probe gap)', f.interruptionMs === null ? 'not probed' : ms(f.interruptionMs)],
    ['Failed probes', f.failedProbes === null ? 'not probed' : String(f.failedProbes)],
    ['Sessions preserved', f.sessionsPreservedPct === null ? 'not read' : `${Math.round(f.sessionsPreservedPct * 10) / 10} %`],
  ];
}
