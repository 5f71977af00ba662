/**
 * The monitor's vocabulary: what goes in (observations from polls and log lines) and what comes
 * out (events). Times are epoch milliseconds of the monitor's clock; device clocks are kept as the
 * device printed them (`deviceTime`) because the monitor cannot know their time zone.
 */
import type { Message } from '../base/message';
import type { RbmFact, TrackFact, VrrpFact } from '../model/facts';
import type { DeviceKey } from '../model/pair';

export type RunningStatus = 'Initial' | 'Active' | 'Standby';
export type ChannelStatus = 'Connected' | 'Disconnected';
export type ConsistencyResult = 'Not Performed' | 'Consistent' | 'Inconsistent';
export type SeenBy = 'poll' | 'log' | 'both';

export interface SessionCounters {
  total: number;
  createdLocally?: number;
  receivedFromPeer?: number;
  sentToPeer?: number;
}

/** One successful poll of one device: what `display remote-backup-group status`, vrrp and track said. */
export interface PollObservation {
  kind: 'poll';
  pair: string;
  device: DeviceKey;
  time: number;
  sysname?: string;
  rbm?: RbmFact;
  vrrp?: VrrpFact[];
  tracks?: TrackFact[];
  sessions?: SessionCounters;
}

/** A poll that got no answer (timeout, closed session, refused connection). */
export interface PollFailedObservation {
  kind: 'poll-failed';
  pair: string;
  device: DeviceKey;
  time: number;
  error: string;
}

/** What one RBM/VRRP log line says, already parsed (see logline.ts). */
export type LogFact =
  | { type: 'channel'; channel: 'control' | 'data'; status: ChannelStatus }
  | { type: 'switchover'; from: RunningStatus; to: RunningStatus; cause: string }
  | { type: 'consistency'; result: ConsistencyResult; detail?: string }
  | { type: 'config-sync'; status: 'started' | 'finished' | 'failed'; detail: string }
  | { type: 'vrrp'; interface?: string; vrid: number; from: string; to: string; cause?: string };

export interface LogObservation {
  kind: 'log';
  pair: string;
  device: DeviceKey;
  time: number;
  /** The device's own timestamp text, if the line carried one. */
  deviceTime?: string;
  fact: LogFact;
  raw: string;
}

/** Time passing with nothing observed: lets "channel down longer than N s" fire between polls. */
export interface TickObservation {
  kind: 'tick';
  time: number;
}

export type Observation = PollObservation | PollFailedObservation | LogObservation | TickObservation;

interface EventBase {
  /** Stable across revisions: a later report of the same change re-emits the event with the same id. */
  id: string;
  /** 0 when first emitted; incremented each time a merge changes it (store upserts by id). */
  rev: number;
  pair: string;
  time: number;
}

export type Subject = 'running' | 'control' | 'data' | 'consistency';

export type AlertRule = 'channel-down' | 'unexpected-switchover' | 'inconsistent-config' | 'flapping';

export type MonitorEvent =
  | (EventBase & { kind: 'channel-down' | 'channel-up'; device: DeviceKey; channel: 'control' | 'data'; seenBy: SeenBy })
  | (EventBase & { kind: 'switchover'; device: DeviceKey; from: RunningStatus; to: RunningStatus; cause: string; seenBy: SeenBy; deviceTime?: string })
  | (EventBase & { kind: 'consistency'; device: DeviceKey; result: ConsistencyResult; seenBy: SeenBy; detail?: string })
  | (EventBase & { kind: 'config-sync'; device: DeviceKey; status: 'started' | 'finished' | 'failed'; detail: string })
  | (EventBase & { kind: 'vrrp'; device: DeviceKey; interface?: string; vrid: number; from: string; to: string })
  | (EventBase & { kind: 'device-unreachable'; device: DeviceKey; error: string })
  | (EventBase & { kind: 'device-back'; device: DeviceKey; downForMs: number })
  /** `params`: what `message` is formatted from in the reader's language (core catalogue monitor.alert.<rule>). */
  | (EventBase & { kind: 'alert'; rule: AlertRule; severity: 'warning' | 'critical'; message: string; device?: DeviceKey; cause?: string; params?: Record<string, string | number> })
  /** A failover drill ran on the pair (src/core/drill): its outcome and figures; the journal holds the whole record. */
  | (EventBase & {
      kind: 'drill';
      drill: 'switchover' | 'link';
      interface?: string;
      outcome: 'passed' | 'failed' | 'refused' | 'declined';
      message: string;
      /** `message` as a message of the `core` catalogue (drillRun.*). */
      said?: Message;
      switchoverMs?: number;
      interruptionMs?: number;
      failedProbes?: number;
      sessionsPreservedPct?: number;
      journal?: string;
    });

export type MonitorEventKind = MonitorEvent['kind'];

export const EVENT_KINDS: readonly MonitorEventKind[] = [
  'channel-down',
  'channel-up',
  'switchover',
  'consistency',
  'config-sync',
  'vrrp',
  'device-unreachable',
  'device-back',
  'alert',
  'drill',
];

export interface AlertConfig {
  /** Control channel down (as any reachable side sees it) for longer than this → alert. */
  channelDownSeconds: number;
  /** More than `flapCount` switchovers within `flapMinutes` → alert. */
  flapCount: number;
  flapMinutes: number;
  /** Causes (case-insensitive substrings) that make a switchover expected, i.e. operator-driven. */
  expectedCauses: string[];
}

export interface MonitorConfig {
  /** Distinguishes event ids of this monitor run from earlier runs in the same store. */
  runId: string;
  /** Poll and log reports of one change closer than this merge into one event. */
  correlationWindowMs: number;
  alerts: AlertConfig;
}

export const DEFAULT_ALERTS: AlertConfig = {
  channelDownSeconds: 30,
  flapCount: 3,
  flapMinutes: 10,
  expectedCauses: ['manual', 'switchback', 'fallback', 'delay', 'recover'],
};

/** A poll shows a change up to one interval late (plus command latency), so the window must cover it. */
export function defaultCorrelationWindowMs(pollIntervalMs: number): number {
  return 2 * pollIntervalMs + 5_000;
}
