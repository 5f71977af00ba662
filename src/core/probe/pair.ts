/**
 * The probe of a pair: both devices at once, each asked about exactly the lines it would be
 * sent (the `sync` stage goes to the primary only). Also the probe as a stage of the
 * commissioning workflow: a line the devices did not confirm stops the run before the first
 * push, unless the engineer forces it with a reason, which the journal keeps.
 */
import { AppError } from '../base/errors';
import type { DeviceKey, Pair } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';
import type { DevicePlan } from '../provision/plan';
import type { EventSink, JournalSink, Session } from '../provision/types';
import { syncSource } from '../render/sections';
import { probeItems, stagesFor } from './lines';
import { probeDevice } from './runner';
import { unconfirmed, type LineVerdict, type ProbeResult } from './types';
import { progress } from '../provision/progress-message';

const KEYS: readonly DeviceKey[] = ['a', 'b'];
const iso = () => new Date().toISOString();

export interface ProbePairInput {
  pair: Pair;
  pack: PlatformPack;
  plans: Record<DeviceKey, DevicePlan>;
  sessions: Record<DeviceKey, Session>;
  signal: AbortSignal;
  journal?: JournalSink;
  onLine?: (device: DeviceKey, v: LineVerdict, index: number, total: number) => void;
}

export async function probePair(i: ProbePairInput): Promise<ProbeResult> {
  const primary = syncSource(i.pair);
  const [a, b] = await Promise.all(
    KEYS.map((k) =>
      probeDevice({
        device: k,
        session: i.sessions[k],
        items: probeItems(i.pack, i.plans[k], stagesFor(k, primary)),
        signal: i.signal,
        ...(i.journal ? { journal: i.journal } : {}),
        ...(i.onLine ? { onLine: (v, n, total) => i.onLine!(k, v, n, total) } : {}),
      }),
    ),
  );
  return { a: a!, b: b! };
}

/** One line the devices did not confirm, as the journal and a refusal name it. */
export function describeVerdict(device: DeviceKey, v: LineVerdict): string {
  const at = v.position !== undefined ? ` at word ${v.position}${v.keyword !== undefined ? ` "${v.keyword}"` : ''}` : '';
  const offered = v.offered?.length ? `; it offers: ${v.offered.join(', ')}` : '';
  const why = v.reason ?? v.message;
  return `device ${device.toUpperCase()} [${v.view}] "${v.line}": ${v.status}${at}${why ? ` (${why})` : ''}${offered}`;
}

export interface ProbeStageOptions {
  /** --no-probe: the journal records that the devices were not asked. */
  skip?: boolean;
  /** --force-unconfirmed: push even so; the reason goes into the journal. */
  forceReason?: string;
  onResult?: (r: ProbeResult) => void;
  onLine?: ProbePairInput['onLine'];
}

export interface ProbeStageContext {
  pair: Pair;
  pack: PlatformPack;
  plans: Record<DeviceKey, DevicePlan>;
  sessions: Record<DeviceKey, Session>;
  journal: JournalSink;
  emit: EventSink;
  signal: AbortSignal;
}

/** The workflow's probe step: resolves with the refusal that stops the run, or undefined to go on. */
export function probeStage(o: ProbeStageOptions): (c: ProbeStageContext) => Promise<AppError | undefined> {
  return async (c) => {
    if (o.skip) {
      c.journal.append({ type: 'probe', phase: 'skipped', time: iso() });
      c.emit(progress('warn', 'probe.skipped', {}, 'probe turned off: the devices were not asked to confirm the planned lines'));
      return undefined;
    }
    c.emit(progress('info', 'probe.asking', {}, 'Probe: asking both devices (context help "?") to confirm every planned line; nothing is executed'));
    const r = await probePair({ pair: c.pair, pack: c.pack, plans: c.plans, sessions: c.sessions, signal: c.signal, journal: c.journal, ...(o.onLine ? { onLine: o.onLine } : {}) });
    o.onResult?.(r);
    const bad = unconfirmed(r).map((u) => describeVerdict(u.device, u.verdict));
    if (bad.length === 0) {
      c.journal.append({ type: 'probe', phase: 'done', unconfirmed: [], time: iso() });
      return undefined;
    }
    if (o.forceReason !== undefined) {
      c.journal.append({ type: 'probe', phase: 'forced', unconfirmed: bad, reason: o.forceReason, time: iso() });
      c.emit(progress('warn', 'probe.forced', { count: bad.length, reason: o.forceReason }, `pushing ${bad.length} line(s) the devices did not confirm anyway, because: "${o.forceReason}"`));
      return undefined;
    }
    c.journal.append({ type: 'probe', phase: 'done', unconfirmed: bad, time: iso() });
    return new AppError('COMMAND_REJECTED', `${bad.length} planned line(s) not confirmed by the devices; nothing was pushed. First: ${bad[0]}`, {
      fix: 'Correct the pack for this release (hotpair probe PAIR --write-pack FILE lists what the devices offered; then --pack FILE), or push anyway with --force-unconfirmed "reason".',
      details: { unconfirmed: bad },
    });
  };
}
