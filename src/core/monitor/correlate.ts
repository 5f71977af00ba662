/**
 * Poll and log reports of the same change → one event. A report names a pair's device, a subject
 * (running status, control/data channel, consistency, a VRRP group) and the state it went *to*.
 * It merges into the oldest open event with the same device, subject and target state, close
 * enough in time (or stamped with the same device time, however late it arrives), that the
 * report's source has not reported yet: one-to-one, so two real switchovers to the same state are
 * never folded together merely because both sources saw them.
 */
import type { DeviceKey } from '../model/pair';
import { deviceSeconds } from './devicetime';

export type Source = 'poll' | 'log';

export interface Report {
  device: DeviceKey;
  subject: string;
  to: string;
  time: number;
  source: Source;
  deviceTime?: string;
}

/** A change already turned into an event, kept open so later reports can merge into it. */
export interface OpenReport<E = unknown> {
  event: E;
  device: DeviceKey;
  subject: string;
  to: string;
  time: number;
  sources: Source[];
  deviceTime?: string;
  /** Device clock (seconds) of every report merged so far: a poll record and a log stamp may differ by a second. */
  stamps?: number[];
}

/** Two device timestamps of one change cannot be further apart than this (log ms vs record s). */
const DEVICE_CLOCK_SLACK_S = 2;

/**
 * How long an event whose report carried a device time stays open for a late report of the other
 * source. A device that was away (rebooted, powered back on) logs its election at once, but the
 * poller reaches it again only after its reconnect backoff (up to 60 s) plus a login: its
 * switchover record then arrives well after the monitor-time window, and the matching device time
 * is what proves it is the same change.
 */
const STAMPED_OPEN_MS = 5 * 60_000;

export function findMatch<E>(open: readonly OpenReport<E>[], r: Report, windowMs: number): OpenReport<E> | undefined {
  let best: OpenReport<E> | undefined;
  for (const o of open) {
    if (o.device !== r.device || o.subject !== r.subject || o.to !== r.to) continue;
    if (o.sources.includes(r.source)) continue;
    const a = deviceSeconds(o.deviceTime);
    const b = deviceSeconds(r.deviceTime);
    const stamped = a !== undefined && b !== undefined;
    if (stamped && Math.abs(a - b) > DEVICE_CLOCK_SLACK_S) continue;
    // with both device times agreeing, the monitor-side delay of one source does not matter
    if (!stamped && Math.abs(o.time - r.time) > windowMs) continue;
    if (!best || o.time < best.time) best = o;
  }
  return best;
}

/**
 * Drops reports that nothing can merge with any more. Log lines can arrive late or out of order,
 * so the horizon is the newest time seen minus two windows, not the current report's time; one
 * stamped with the device time waits longer (STAMPED_OPEN_MS) for a returning device's poll.
 */
export function pruneOpen<E>(open: readonly OpenReport<E>[], newest: number, windowMs: number): OpenReport<E>[] {
  return open.filter((o) => newest - o.time <= (o.deviceTime !== undefined ? Math.max(2 * windowMs, STAMPED_OPEN_MS) : 2 * windowMs));
}

/**
 * A source repeating itself (a device that logs one change twice, a relay that resends): same
 * device, subject, target state and source as an open event. With a device timestamp the stamp
 * decides (a repeated line carries the same one); without, only the newest change of the subject
 * can be repeated, since a real second change to the same state needs a change away in between.
 */
export function isRepeat<E>(open: readonly OpenReport<E>[], r: Report, windowMs: number): boolean {
  const same = (o: OpenReport<E>) => o.device === r.device && o.subject === r.subject && o.to === r.to && o.sources.includes(r.source);
  const stamp = deviceSeconds(r.deviceTime);
  if (stamp !== undefined) {
    const stamped = open.filter((o) => same(o) && (o.stamps?.length ?? 0) > 0);
    if (stamped.length > 0) return stamped.some((o) => o.stamps!.includes(stamp));
  }
  let newest: OpenReport<E> | undefined;
  for (const o of open) if (o.device === r.device && o.subject === r.subject && (!newest || !happenedBefore(o, newest))) newest = o;
  return !!newest && same(newest) && Math.abs(newest.time - r.time) <= windowMs;
}

/**
 * Order of two changes: by the device clock when both carry it (a poll can report an older change
 * after a log line reported a newer one), else by when the monitor saw them.
 */
function happenedBefore(x: OpenReport<unknown>, y: OpenReport<unknown>): boolean {
  const a = deviceSeconds(x.deviceTime);
  const b = deviceSeconds(y.deviceTime);
  if (a !== undefined && b !== undefined && a !== b) return a < b;
  return x.time < y.time;
}

/** Records a merged report's device time on the open event. */
export function addStamp(o: OpenReport<unknown>, deviceTime: string | undefined): void {
  const s = deviceSeconds(deviceTime);
  if (s === undefined) return;
  o.stamps = [...(o.stamps ?? []), s];
}
