/**
 * pollPair: polls both devices of a pair on their own loops (one slow or dead device never delays
 * the other), parses what they print and hands observations on. A device that stops answering
 * becomes a `poll-failed` observation (the reducer turns the first into device-unreachable); its
 * session is dropped and reopened with exponential backoff so a dead box is not hammered.
 */
import { isAppError } from '../base/errors';
import { sleep, withTimeout } from '../base/abort';
import type { RbmFact, TrackFact, VrrpFact } from '../model/facts';
import type { DeviceKey } from '../model/pair';
import { parseRbmStatus } from '../parse/rbm-status';
import { parseTrackAll } from '../parse/track';
import { parseVrrp } from '../parse/vrrp';
import { parseSessionStatistics } from './session-stats';
import type { Observation, PollObservation, SessionCounters } from './types';

/** The part of a DeviceSession (src/core/session) the poller needs. */
export interface PollSession {
  exec(command: string, opts?: { signal?: AbortSignal; timeoutMs?: number }): Promise<{ output: string }>;
  close(): Promise<void> | void;
  readonly prompt?: { hostname: string };
}

/** Opens (and reopens) a session to one device. */
export interface DeviceLink {
  open(signal: AbortSignal): Promise<PollSession>;
}

export interface PollParsers {
  rbm(text: string): RbmFact;
  vrrp(text: string): VrrpFact[];
  tracks(text: string): TrackFact[];
  sessions(text: string): SessionCounters | undefined;
}

export const DEFAULT_PARSERS: PollParsers = {
  rbm: (t) => parseRbmStatus(t).value,
  vrrp: (t) => parseVrrp(t).value.groups,
  tracks: (t) => parseTrackAll(t).value.tracks,
  sessions: parseSessionStatistics,
};

export const POLL_COMMANDS = {
  rbm: 'display remote-backup-group status',
  vrrp: 'display vrrp',
  tracks: 'display track all',
  sessions: 'display session statistics',
} as const;

export interface PollOptions {
  pair: string;
  intervalMs: number;
  signal: AbortSignal;
  onObservation: (obs: Observation) => void;
  /** Per command; default the interval (at least 2 s): an answer later than the next poll is no answer. */
  commandTimeoutMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** Session counters change slowly and cost a command: read them every this many polls (default 6). */
  sessionsEvery?: number;
  /** Delay before the first poll, to spread many pairs over the interval. */
  startDelayMs?: number;
  parsers?: PollParsers;
  now?: () => number;
}

export async function pollPair(links: Record<DeviceKey, DeviceLink>, opts: PollOptions): Promise<void> {
  await Promise.all((['a', 'b'] as const).map((k) => pollDevice(k, links[k], opts)));
}

export function backoffMs(failures: number, b: { initialMs: number; maxMs: number }): number {
  return Math.min(b.maxMs, b.initialMs * 2 ** Math.max(0, failures - 1));
}

async function pollDevice(device: DeviceKey, link: DeviceLink, opts: PollOptions): Promise<void> {
  const now = opts.now ?? Date.now;
  const backoff = opts.backoff ?? { initialMs: 1000, maxMs: 60_000 };
  const { signal } = opts;
  let session: PollSession | undefined;
  let failures = 0;
  let nextAttempt = 0;
  let round = 0;
  const fail = (e: unknown) => {
    failures += 1;
    nextAttempt = now() + backoffMs(failures, backoff);
    opts.onObservation({ kind: 'poll-failed', pair: opts.pair, device, time: now(), error: e instanceof Error ? e.message : String(e) });
  };
  const drop = async () => {
    const s = session;
    session = undefined;
    try {
      await s?.close();
    } catch {
      // a session that fails to close is gone anyway
    }
  };
  try {
    if (opts.startDelayMs) await sleep(opts.startDelayMs, signal);
    while (!signal.aborted) {
      const started = now();
      if (!session && started >= nextAttempt) {
        const t = withTimeout(signal, commandTimeout(opts), { limit: 'monitor-connect' });
        try {
          session = await link.open(t.signal);
        } catch (e) {
          if (signal.aborted) break;
          fail(e);
        } finally {
          t.dispose();
        }
      }
      if (session) {
        try {
          const obs = await pollOnce(session, device, opts, round++ % (opts.sessionsEvery ?? 6) === 0);
          failures = 0;
          opts.onObservation(obs);
        } catch (e) {
          if (signal.aborted) break;
          await drop();
          fail(e);
        }
      }
      await sleep(Math.max(0, opts.intervalMs - (now() - started)), signal);
    }
  } catch (e) {
    if (!signal.aborted) throw e;
  } finally {
    await drop();
  }
}

const commandTimeout = (o: PollOptions) => o.commandTimeoutMs ?? Math.max(2000, o.intervalMs);

/** One round: RBM status is essential; vrrp/track refused by the device (not configured, no rights) are skipped. */
export async function pollOnce(session: PollSession, device: DeviceKey, opts: PollOptions, withSessions = true): Promise<PollObservation> {
  const parsers = opts.parsers ?? DEFAULT_PARSERS;
  const run = (cmd: string) => session.exec(cmd, { signal: opts.signal, timeoutMs: commandTimeout(opts) });
  const optional = async <T>(cmd: string, parse: (t: string) => T): Promise<T | undefined> => {
    try {
      return parse((await run(cmd)).output);
    } catch (e) {
      if (isAppError(e) && e.code === 'COMMAND_REJECTED') return undefined;
      throw e;
    }
  };
  const rbm = parsers.rbm((await run(POLL_COMMANDS.rbm)).output);
  const vrrp = await optional(POLL_COMMANDS.vrrp, parsers.vrrp);
  const tracks = await optional(POLL_COMMANDS.tracks, parsers.tracks);
  const sessions = withSessions ? await optional(POLL_COMMANDS.sessions, parsers.sessions) : undefined;
  const obs: PollObservation = { kind: 'poll', pair: opts.pair, device, time: (opts.now ?? Date.now)(), rbm };
  if (session.prompt?.hostname) obs.sysname = session.prompt.hostname;
  if (vrrp) obs.vrrp = vrrp;
  if (tracks) obs.tracks = tracks;
  if (sessions) obs.sessions = sessions;
  return obs;
}
