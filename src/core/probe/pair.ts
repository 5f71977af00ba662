/**
 * The probe of a pair: both devices at once, each asked about exactly the lines it would be
 * sent (the `sync` stage goes to the primary only). Also the probe as a stage of the
 * commissioning workflow: a line the devices did not confirm stops the run before the first
 * push, unless the engineer forces it with a reason, which the journal keeps.
 */
import { AppError } from '../base/errors';
import type { Message, MessageList, MessageParam } from '../base/message';
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

/** Zero or one sub-message: an optional part of a sentence, empty when absent. */
const part = (m?: Message): MessageList => ({ sep: 'comma', items: m ? [m] : [] });

/** `describeVerdict` as a message of the `core` catalogue (probe.verdict.*): the line, view, keyword and what the device offers or printed stay as they are. */
export function verdictMessage(device: DeviceKey, v: LineVerdict): Message {
  const at: Message | undefined = v.position === undefined ? undefined : v.keyword !== undefined ? { code: 'probe.verdict.at-word', params: { position: v.position, keyword: v.keyword } } : { code: 'probe.verdict.at', params: { position: v.position } };
  const said = v.reason !== undefined ? v.reasonSaid : v.messageSaid;
  const text = v.reason ?? v.message;
  const why: MessageParam | undefined = said ? part(said) : text;
  return {
    code: 'probe.verdict.line',
    params: {
      device: device.toUpperCase(),
      view: v.view,
      line: v.line,
      status: part({ code: `probe.status.${v.status}` }),
      at: part(at),
      why: part(why ? { code: 'probe.verdict.why', params: { why } } : undefined),
      offered: part(v.offered?.length ? { code: 'probe.verdict.offers', params: { words: v.offered.join(', ') } } : undefined),
    },
  };
}

/** The refusal that stops a push for lines not confirmed: its English, and the first line named in the reader's language. */
export function unconfirmedError(bad: readonly { device: DeviceKey; verdict: LineVerdict }[], device?: DeviceKey): AppError {
  const count = bad.length;
  const first = describeVerdict(bad[0]!.device, bad[0]!.verdict);
  const english = device === undefined ? `${count} planned line${count === 1 ? '' : 's'} not confirmed by the devices; nothing was pushed. First: ${first}` : `${count} planned line${count === 1 ? '' : 's'} not confirmed by device ${device.toUpperCase()}; nothing more was pushed. First: ${first}`;
  const params = { count, first: part(verdictMessage(bad[0]!.device, bad[0]!.verdict)), ...(device ? { device: device.toUpperCase() } : {}) };
  return new AppError('COMMAND_REJECTED', english, {
    fix: 'Correct the pack for this release (hotpair probe PAIR --write-pack FILE lists what the devices offered; then --pack FILE), or push anyway with --force-unconfirmed "reason".',
    details: { unconfirmed: bad.map((u) => describeVerdict(u.device, u.verdict)) },
    message: { key: device === undefined ? 'probe.refused' : 'probe.device-refused', params },
  });
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
    const found = unconfirmed(r);
    const bad = found.map((u) => describeVerdict(u.device, u.verdict));
    if (bad.length === 0) {
      c.journal.append({ type: 'probe', phase: 'done', unconfirmed: [], time: iso() });
      return undefined;
    }
    if (o.forceReason !== undefined) {
      c.journal.append({ type: 'probe', phase: 'forced', unconfirmed: bad, reason: o.forceReason, time: iso() });
      c.emit(progress('warn', 'probe.forced', { count: bad.length, reason: o.forceReason }, `pushing ${bad.length} line${bad.length === 1 ? '' : 's'} the devices did not confirm anyway, because: "${o.forceReason}"`));
      return undefined;
    }
    c.journal.append({ type: 'probe', phase: 'done', unconfirmed: bad, time: iso() });
    return unconfirmedError(found);
  };
}
