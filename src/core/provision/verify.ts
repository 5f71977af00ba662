/**
 * Verification: poll both devices until what they show meets expectedState(pair), or a stated
 * timeout passes. The judgement is a pure function of what was read (checkExpectations), so the
 * report names each unmet expectation with the value the device showed.
 */
import { abortError, formatMs, sleep } from '../base/abort';
import { AppError } from '../base/errors';
import type { RbmFact, VrrpFact } from '../model/facts';
import type { DeviceKey, Pair } from '../model/pair';
import { parseRbmStatus } from '../parse/rbm-status';
import { parseSyncCheck, type SyncCheck } from '../parse/sync-check';
import { parseVrrp } from '../parse/vrrp';
import { expectedState, type ExpectedState } from './expected';
import { display, runAction } from './push';
import type { EventSink, JournalSink, Session, VerifyFailure } from './types';

const KEYS: readonly DeviceKey[] = ['a', 'b'];

export interface Seen {
  rbm?: RbmFact;
  vrrp: VrrpFact[];
}

/**
 * The default wait: the time the channel needs to be declared down or up (interval × count),
 * twice, plus 20 s for election, configuration backup and the consistency check round trip.
 */
export function verifyTimeoutFor(pair: Pair): number {
  const k = pair.controlChannel.keepalive;
  return k.intervalSeconds * k.count * 2 * 1000 + 20_000;
}

export function checkExpectations(exp: ExpectedState, seen: Record<DeviceKey, Seen>, primary: DeviceKey, sync?: SyncCheck): VerifyFailure[] {
  const out: VerifyFailure[] = [];
  const fail = (device: VerifyFailure['device'], expectation: string, expected: string, s: string | undefined) => out.push({ device, expectation, expected, seen: s ?? 'nothing' });
  for (const k of KEYS) {
    const r = seen[k].rbm;
    const e = exp.devices[k];
    if (!r?.configured) {
      fail(k, 'hot backup configured', 'configured', 'not configured');
      continue;
    }
    if (r.mode !== exp.mode) fail(k, 'backup mode', exp.mode, r.mode);
    if (r.controlChannel !== exp.controlChannel) fail(k, 'control channel', exp.controlChannel, r.controlChannel);
    if (e.role !== undefined && r.role !== e.role) fail(k, 'management role', e.role, r.role);
    if (e.runningStatus !== null && r.runningStatus !== e.runningStatus) fail(k, 'running status', e.runningStatus, r.runningStatus);
    if (r.dataChannelState !== exp.dataChannel) fail(k, 'data channel', exp.dataChannel, r.dataChannelState);
    for (const g of e.vrrp) {
      if (g.state === null) continue;
      const v = seen[k].vrrp.find((x) => x.interface === g.interface && x.vrid === g.vrid);
      if (v?.state !== g.state) fail(k, `VRRP group ${g.vrid} on ${g.interface}`, g.state, v?.state);
    }
  }
  const active = KEYS.filter((k) => seen[k].rbm?.runningStatus === 'Active').length;
  if (active !== exp.activeCount) fail('pair', 'devices Active', String(exp.activeCount), String(active));
  if (exp.consistency !== null) {
    const result = sync?.result ?? seen[primary].rbm?.consistency;
    if (result !== exp.consistency) {
      const diff = sync?.differences.length ? ` (${sync.differences.slice(0, 5).join('; ')})` : '';
      fail(primary, 'configuration consistency check', exp.consistency, `${result ?? 'no result'}${diff}`);
    }
  }
  return out;
}

/**
 * Whether a sync-check reading is the result of the check started at `ranAt` and not the one
 * before it: the check time changed (or there was no result before). The time is printed to the
 * second, so a time that stays the same for 3 s is taken as a check that ran in the same second.
 */
export function freshCheck(before: SyncCheck | undefined, now: SyncCheck, ranAt: number, at = Date.now()): boolean {
  if (now.result === undefined || now.result === 'Not Performed') return false;
  if (before?.result === undefined || before.result === 'Not Performed') return true;
  if (now.time !== undefined && now.time !== before.time) return true;
  return at - ranAt >= 3000;
}

export async function readSeen(session: Session, withVrrp: boolean, signal: AbortSignal): Promise<Seen> {
  const rbm = parseRbmStatus(await display(session, 'rbmStatus', signal, false)).value;
  const vrrp = withVrrp ? parseVrrp(await display(session, session.pack.displays.vrrpVerbose ? 'vrrpVerbose' : 'vrrp', signal, false)).value.groups : [];
  return { rbm, vrrp };
}

export interface VerifyOptions {
  pair: Pair;
  sessions: Record<DeviceKey, Session>;
  primary: DeviceKey;
  signal: AbortSignal;
  timeoutMs: number;
  pollMs: number;
  emit: EventSink;
  journal?: JournalSink;
}

/** Polls until every expectation holds; throws VERIFY_FAILED naming the unmet ones at the timeout. */
export async function verifyPair(o: VerifyOptions): Promise<void> {
  const exp = expectedState(o.pair);
  const deadline = Date.now() + o.timeoutMs;
  const withVrrp = o.pair.vrrp.length > 0;
  let checks = 0;
  let lastCheck = 0;
  let beforeCheck: SyncCheck | undefined;
  for (let attempt = 1; ; attempt++) {
    if (o.signal.aborted) throw abortError(o.signal);
    const [a, b] = await Promise.all(KEYS.map((k) => readSeen(o.sessions[k], withVrrp, o.signal)));
    const seen = { a: a as Seen, b: b as Seen };
    let sync: SyncCheck | undefined;
    // With automatic roles the election decides which device is primary (and runs the check).
    const primary = o.pair.roles === 'auto' ? (KEYS.find((k) => seen[k].rbm?.role === 'primary') ?? o.primary) : o.primary;
    const p = o.sessions[primary];
    if (exp.consistency !== null) {
      // The check needs the channel; it is started again when the last one gave no fresh result in 10 s.
      const connected = KEYS.every((k) => seen[k].rbm?.controlChannel === 'Connected');
      const read = async () => parseSyncCheck(await display(p, 'syncCheck', o.signal, false)).value;
      if (connected && (checks === 0 || Date.now() - lastCheck > 10_000)) {
        const cur = await read();
        if (checks === 0 || !freshCheck(beforeCheck, cur, lastCheck)) {
          beforeCheck = cur;
          await runAction(p, 'opCheck', o.signal);
          checks++;
          lastCheck = Date.now();
        }
      }
      if (checks > 0) {
        const cur = await read();
        // A stale reading is no result: the expectation stays unmet until the new check answers.
        sync = freshCheck(beforeCheck, cur, lastCheck) ? cur : { ...cur, result: 'Not Performed' };
      }
    }
    const failures = checkExpectations(exp, seen, primary, sync);
    o.emit({ kind: 'verify', attempt, failures });
    if (failures.length === 0) {
      o.journal?.append({ type: 'verify', ok: true, time: new Date().toISOString() });
      return;
    }
    if (Date.now() + o.pollMs > deadline) {
      const text = failures.map(formatFailure);
      o.journal?.append({ type: 'verify', ok: false, time: new Date().toISOString(), failures: text });
      throw new AppError('VERIFY_FAILED', `verification did not pass within ${formatMs(o.timeoutMs)}: ${text.join('; ')}`, {
        fix: 'see which expectation failed; `hotpair op <pair> check` and `display remote-backup-group status` on both devices show more',
        details: { failures },
      });
    }
    await sleep(o.pollMs, o.signal);
  }
}

export const formatFailure = (f: VerifyFailure): string => `${f.device === 'pair' ? 'pair' : `device ${f.device.toUpperCase()}`}: ${f.expectation} expected ${f.expected}, seen ${f.seen}`;
