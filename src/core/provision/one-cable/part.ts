/**
 * One device's part of the pair, pushed while the cable is on it: every stage that concerns it
 * (removals, its control channel, the synchronised lines when it is the pair's sync source, its
 * own lines), journalled line by line as in the two-device flow (push.ts), and the checks that one
 * device can answer alone.
 */
import { sleep } from '../../base/abort';
import { AppError } from '../../base/errors';
import type { DeviceKey, Pair } from '../../model/pair';
import { parseCurrentConfig } from '../../parse/current-config';
import type { PlatformPack } from '../../platforms/pack';
import { planChanges } from '../../render/diff';
import { syncSource } from '../../render/sections';
import { stageSteps, syncLines, type DevicePlan, type StepStage } from '../plan';
import { pushSteps, readRunning, type PushContext } from '../push';
import type { EventSink, JournalSink, Session, VerifyFailure } from '../types';
import { readSeen } from '../verify';
import { progress } from '../progress-message';
import type { Message, MessageParams } from '../../base/message';

const iso = () => new Date().toISOString();

/**
 * Pushes the stages of `plan` that belong on device k. The sync source's synchronised lines go to
 * it; the other device gets them over the channel once both are up (`waitSynced` on the second).
 */
export async function pushPart(pair: Pair, k: DeviceKey, session: Session, plan: DevicePlan, ctx: PushContext, between?: (after: StepStage) => Promise<void>): Promise<void> {
  const stages: StepStage[] = ['prepare', 'channel', 'sync', 'local'];
  for (const stage of stages) {
    if (stage === 'sync' && syncSource(pair) !== k) {
      await between?.(stage);
      continue;
    }
    ctx.journal.append({ type: 'stage', name: stage, phase: 'begin', time: iso() });
    await pushSteps(session, stageSteps(plan, stage), stage, ctx);
    ctx.journal.append({ type: 'stage', name: stage, phase: 'done', time: iso() });
    await between?.(stage);
  }
  await session.returnToUser({ signal: ctx.signal });
}

/** Polls the second device until the sync source's synchronised lines have arrived over the channel. */
export async function waitSynced(device: DeviceKey, session: Session, source: DevicePlan, pack: PlatformPack, emit: EventSink, signal: AbortSignal, pollMs: number): Promise<void> {
  const want = { lines: syncLines(source) };
  if (want.lines.length === 0) return;
  for (;;) {
    const missing = planChanges(want, parseCurrentConfig(await readRunning(session, signal)), pack).add.filter((l) => l.kind === 'command');
    if (missing.length === 0) return;
    emit(progress('info', 'oneCable.sync-wait', { count: missing.length, line: missing[0]?.text ?? '' }, `waiting for ${missing.length} synchronised line${missing.length === 1 ? '' : 's'} from the other device, e.g. "${missing[0]?.text}"`, device));
    await sleep(pollMs, signal);
  }
}

/**
 * The first device alone, after its part: hot backup configured with the planned mode and role,
 * its channel set up and waiting for the peer (Disconnected: nothing answers at the other end yet).
 * Throws VERIFY_FAILED naming what is not so.
 */
export async function checkAlone(pair: Pair, k: DeviceKey, session: Session, journal: JournalSink, signal: AbortSignal): Promise<{ text: string; code: string; params: MessageParams }> {
  const r = (await readSeen(session, false, signal)).rbm;
  const want = pair.devices[k];
  const device = k.toUpperCase();
  // Each wrong thing three ways: the English sentence, its message (oneCable.wrong.*), and the verification failure the run reports.
  const wrong: { text: string; said: Message; failure: VerifyFailure }[] = [];
  const fail = (text: string, code: string, params: MessageParams, f: Omit<VerifyFailure, 'device'>) => wrong.push({ text, said: { code: `oneCable.wrong.${code}`, params }, failure: { device: k, ...f } });
  if (!r?.configured) fail('hot backup is not configured', 'not-configured', {}, { expectation: 'hot backup configured', expected: 'configured', seen: 'not configured', code: 'verify.expect.configured', params: { expectedWord: 'configured', seenWord: 'not-configured' } });
  else {
    if (r.mode !== undefined && r.mode !== pair.mode) fail(`backup mode ${r.mode}, the file says ${pair.mode}`, 'mode', { seen: r.mode, want: pair.mode }, { expectation: 'backup mode', expected: pair.mode, seen: r.mode, code: 'verify.expect.mode' });
    if (pair.roles === 'manual' && want.role !== undefined && r.role !== want.role)
      fail(`role ${r.role ?? 'none'}, the file says ${want.role}`, 'role', { seen: r.role ?? 'none', want: want.role }, { expectation: 'management role', expected: want.role, seen: r.role ?? 'nothing', code: 'verify.expect.role', ...(r.role === undefined ? { params: { seenWord: 'nothing' } } : {}) });
    if (r.localIp !== undefined && r.localIp !== want.controlChannel.localIp)
      fail(`control channel local IP ${r.localIp}, the file says ${want.controlChannel.localIp}`, 'local-ip', { seen: r.localIp, want: want.controlChannel.localIp }, { expectation: 'control channel local IP', expected: want.controlChannel.localIp, seen: r.localIp, code: 'oneCable.expect.local-ip' });
  }
  journal.append({ type: 'verify', ok: wrong.length === 0, time: iso(), ...(wrong.length ? { failures: wrong.map((w) => w.text) } : {}) });
  if (wrong.length > 0) {
    const text = `device ${device} alone: ${wrong.map((w) => w.text).join('; ')}`;
    throw new AppError('VERIFY_FAILED', text, {
      fix: '`display remote-backup-group status` on the device shows more',
      details: { failures: wrong.map((w) => w.failure) },
      message: { key: 'oneCable.alone-wrong', params: { device, wrong: { sep: 'semicolon', items: wrong.map((w) => w.said) } } },
    });
  }
  const text = `device ${device} alone: hot backup configured${r?.role ? `, role ${r.role}` : ''}, control channel ${r?.controlChannel ?? 'not shown'}${r?.controlChannel === 'Connected' ? '' : ' (waiting for the peer)'}`;
  const params = { device, role: r?.role ?? 'none', channel: r?.controlChannel ?? 'none', waiting: r?.controlChannel === 'Connected' ? 'no' : 'yes' };
  return { text, code: 'oneCable.alone', params };
}
