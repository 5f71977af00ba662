/**
 * The syntax probe over one cable: each device is asked about its own part's lines (the `sync`
 * stage only on the sync source) while the cable is on it, just before that part is pushed. The
 * verdict is used as in the two-device flow: a line not confirmed stops the run there, unless the
 * engineer forces it with a reason (journalled); `--no-probe` is journalled too.
 */
import type { AppError } from '../../base/errors';
import { probeItems, stagesFor } from '../../probe/lines';
import { describeVerdict, unconfirmedError, type ProbeStageOptions } from '../../probe/pair';
import { probeDevice } from '../../probe/runner';
import { unconfirmed, type DeviceProbe } from '../../probe/types';
import type { DeviceKey, Pair } from '../../model/pair';
import type { PlatformPack } from '../../platforms/pack';
import { syncSource } from '../../render/sections';
import type { DevicePlan } from '../plan';
import type { EventSink, JournalSink, Session } from '../types';
import { progress } from '../progress-message';

const iso = () => new Date().toISOString();

export interface PartProbeContext {
  device: DeviceKey;
  pair: Pair;
  pack: PlatformPack;
  plan: DevicePlan;
  session: Session;
  journal: JournalSink;
  emit: EventSink;
  signal: AbortSignal;
}

/** Resolves with the refusal that stops the run before this device's push, or undefined to go on. */
export type PartProbe = (c: PartProbeContext) => Promise<AppError | undefined>;

export function probePart(o: Omit<ProbeStageOptions, 'onResult'> & { onResult?: (r: DeviceProbe) => void }): PartProbe {
  return async (c) => {
    const k = c.device;
    if (o.skip) {
      c.journal.append({ type: 'probe', phase: 'skipped', device: k, time: iso() });
      c.emit(progress('warn', 'probe.device-skipped', { device: k.toUpperCase() }, `probe turned off: device ${k.toUpperCase()} was not asked to confirm its planned lines`, k));
      return undefined;
    }
    c.emit(progress('info', 'probe.device-asking', { device: k.toUpperCase() }, `Probe: asking device ${k.toUpperCase()} (context help "?") to confirm every line of its part; nothing is executed`, k));
    const r = await probeDevice({
      device: k,
      session: c.session,
      items: probeItems(c.pack, c.plan, stagesFor(k, syncSource(c.pair))),
      signal: c.signal,
      journal: c.journal,
      ...(o.onLine ? { onLine: (v, n, total) => o.onLine!(k, v, n, total) } : {}),
    });
    o.onResult?.(r);
    const found = unconfirmed({ [k]: r });
    const bad = found.map((u) => describeVerdict(u.device, u.verdict));
    if (bad.length > 0 && o.forceReason !== undefined) {
      c.journal.append({ type: 'probe', phase: 'forced', device: k, unconfirmed: bad, reason: o.forceReason, time: iso() });
      c.emit(progress('warn', 'probe.device-forced', { count: bad.length, device: k.toUpperCase(), reason: o.forceReason }, `pushing ${bad.length} line${bad.length === 1 ? '' : 's'} device ${k.toUpperCase()} did not confirm anyway, because: "${o.forceReason}"`, k));
      return undefined;
    }
    c.journal.append({ type: 'probe', phase: 'done', device: k, unconfirmed: bad, time: iso() });
    if (bad.length === 0) return undefined;
    return unconfirmedError(found, k);
  };
}
