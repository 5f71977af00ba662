/**
 * Verification: poll both devices until what they show meets expectedState(pair), or a stated
 * timeout passes. The judgement is a pure function of what was read (checkExpectations), so the
 * report names each unmet expectation with the value the device showed.
 */
import { abortError, formatMs, sleep } from '../base/abort';
import { AppError } from '../base/errors';
import { durationMessage, part } from '../base/limit';
import type { MessageParams } from '../base/message';
import type { RbmFact, VrrpFact } from '../model/facts';
import type { DeviceKey, Pair } from '../model/pair';
import { parseRbmStatus } from '../parse/rbm-status';
import { parseSyncCheck, type SyncCheck } from '../parse/sync-check';
import { parseVrrp } from '../parse/vrrp';
import { expectedState, sameVrrpGroup, vrrpFamilies, type ExpectedState, type VrrpFamily } from './expected';
import { display, runAction } from './push';
import type { EventSink, JournalSink, Session, VerifyFailure } from './types';
import { failureMessage, formatFailure } from './verify-text';

const KEYS: readonly DeviceKey[] = ['a', 'b'];

export interface Seen {
  rbm?: RbmFact;
  /** IPv4 and IPv6 groups together; `family` as the display read them. */
  vrrp: (VrrpFact & { family?: VrrpFamily })[];
}

/**
 * The default wait: the time the channel needs to be declared down or up (interval × count),
 * twice, plus 20 s for election, configuration backup and the consistency check round trip.
 */
export function verifyTimeoutFor(pair: Pair): number {
  const k = pair.controlChannel.keepalive;
  return k.intervalSeconds * k.count * 2 * 1000 + 20_000;
}

/**
 * `unseen`: the device read only through its peer's status block (one console cable): its VRRP
 * groups cannot be read from the other side, so they are left for a look from its own side.
 */
export function checkExpectations(exp: ExpectedState, seen: Record<DeviceKey, Seen>, primary: DeviceKey, sync?: SyncCheck, unseen?: DeviceKey): VerifyFailure[] {
  const out: VerifyFailure[] = [];
  // `code` names the expectation (core catalogue verify.expect.*); expected and seen are what the
  // device prints, except HotPair's own words, named in params (expectedWord, seenWord) to be translated.
  const fail = (device: VerifyFailure['device'], code: string, expectation: string, expected: string, s: string | undefined, params: MessageParams = {}) =>
    out.push({ device, expectation, expected, seen: s ?? 'nothing', code: `verify.expect.${code}`, params: s === undefined ? { ...params, seenWord: 'nothing' } : params });
  for (const k of KEYS) {
    const r = seen[k].rbm;
    const e = exp.devices[k];
    if (!r?.configured) {
      fail(k, 'configured', 'hot backup configured', 'configured', 'not configured', { expectedWord: 'configured', seenWord: 'not-configured' });
      continue;
    }
    if (r.mode !== exp.mode) fail(k, 'mode', 'backup mode', exp.mode, r.mode);
    if (r.controlChannel !== exp.controlChannel) fail(k, 'control-channel', 'control channel', exp.controlChannel, r.controlChannel);
    if (e.role !== undefined && r.role !== e.role) fail(k, 'role', 'management role', e.role, r.role);
    if (e.runningStatus !== null && r.runningStatus !== e.runningStatus) fail(k, 'running-status', 'running status', e.runningStatus, r.runningStatus);
    if (r.dataChannelState !== exp.dataChannel) fail(k, 'data-channel', 'data channel', exp.dataChannel, r.dataChannelState);
    if (k === unseen) continue;
    for (const g of e.vrrp) {
      if (g.state === null) continue;
      const v = seen[k].vrrp.find((x) => sameVrrpGroup(x, g));
      const v6 = g.family === 'ipv6';
      if (v?.state !== g.state)
        fail(k, `vrrp-${v6 ? 'ipv6-' : ''}${g.group}`, `${v6 ? 'IPv6 ' : ''}VRRP group ${g.vrid} on ${g.interface} (bound to the VRRP ${g.group} group)`, g.state, v?.state, { vrid: String(g.vrid), interface: g.interface });
    }
  }
  const active = KEYS.filter((k) => seen[k].rbm?.runningStatus === 'Active').length;
  if (active !== exp.activeCount) fail('pair', 'active-count', 'devices Active', String(exp.activeCount), String(active));
  if (exp.consistency !== null) {
    const result = sync?.result ?? seen[primary].rbm?.consistency;
    if (result !== exp.consistency) {
      const diff = sync?.differences.length ? ` (${sync.differences.slice(0, 5).join('; ')})` : '';
      fail(primary, 'consistency', 'configuration consistency check', exp.consistency, `${result ?? 'no result'}${diff}`, result === undefined ? { seenWord: 'no-result', diff } : {});
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

/** The other device as one side's status shows it (its peer block); no VRRP reading. */
export function peerSeen(side: Seen): Seen {
  const p = side.rbm?.peer;
  return p ? { rbm: { configured: true, ...p }, vrrp: [] } : { vrrp: [] };
}

/**
 * `withVrrp`: true reads the IPv4 groups (callers without a plan); per family, each display the
 * plan's groups need, so a pair without IPv6 groups costs no `display vrrp ipv6 verbose`.
 */
export async function readSeen(session: Session, withVrrp: boolean | Record<VrrpFamily, boolean>, signal: AbortSignal): Promise<Seen> {
  const rbm = parseRbmStatus(await display(session, 'rbmStatus', signal, false)).value;
  const want = typeof withVrrp === 'boolean' ? { ipv4: withVrrp, ipv6: false } : withVrrp;
  const vrrp: Seen['vrrp'] = [];
  if (want.ipv4) vrrp.push(...parseVrrp(await display(session, session.pack.displays.vrrpVerbose ? 'vrrpVerbose' : 'vrrp', signal, false)).value.groups);
  if (want.ipv6) vrrp.push(...parseVrrp(await display(session, 'vrrpIpv6Verbose', signal, false), 'ipv6').value.groups);
  return { rbm, vrrp };
}

export interface VerifyOptions {
  pair: Pair;
  /** Both devices, or with `from` only that one. */
  sessions: Partial<Record<DeviceKey, Session>>;
  /** One console cable: only this device is read; the other is judged from its peer block (peerSeen). */
  from?: DeviceKey;
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
  const withVrrp = vrrpFamilies(o.pair);
  let checks = 0;
  let lastCheck = 0;
  let beforeCheck: SyncCheck | undefined;
  const oneSide = async (k: DeviceKey): Promise<[Seen, Seen]> => {
    const mine = await readSeen(o.sessions[k] as Session, withVrrp, o.signal);
    return k === 'a' ? [mine, peerSeen(mine)] : [peerSeen(mine), mine];
  };
  for (let attempt = 1; ; attempt++) {
    if (o.signal.aborted) throw abortError(o.signal);
    const [a, b] = o.from === undefined ? await Promise.all(KEYS.map((k) => readSeen(o.sessions[k] as Session, withVrrp, o.signal))) : await oneSide(o.from);
    const seen = { a: a as Seen, b: b as Seen };
    let sync: SyncCheck | undefined;
    // With automatic roles the election decides which device is primary (and runs the check).
    // Newer releases print the role the device runs with apart from the configured one.
    const runningPrimary = (k: DeviceKey) => (seen[k].rbm?.runningRole ?? seen[k].rbm?.role) === 'primary';
    const primary = o.pair.roles === 'auto' ? (KEYS.find(runningPrimary) ?? o.primary) : o.primary;
    // From one side the check is started and read there: the primary runs it and shows the result on both.
    const p = o.sessions[o.from ?? primary] as Session;
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
    const failures = checkExpectations(exp, seen, primary, sync, o.from === undefined ? undefined : o.from === 'a' ? 'b' : 'a');
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
        message: { code: 'error.verify-failed', params: { within: part(durationMessage(o.timeoutMs)), failures: { sep: 'semicolon', items: failures.map(failureMessage) } } },
      });
    }
    await sleep(o.pollMs, o.signal);
  }
}

export { failureMessage, formatFailure } from './verify-text';
