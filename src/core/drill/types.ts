/**
 * The failover drill's vocabulary. A DrillRecord is plain JSON (epoch-ms times from the laptop's
 * clock, ISO strings for the wall-clock start and end): it goes to the journal as it is, and the
 * commissioning report is built from it later.
 */
import type { DeviceKey } from '../model/pair';
import type { HealthCheck } from '../provision/types';
import type { Message, MessageParams } from '../base/message';

export type DrillKind = { kind: 'switchover' } | { kind: 'link'; interface: string };

/** A TCP service reached through a virtual address, as given with --probe. */
export interface ProbeTarget {
  host: string;
  port: number;
}

/** One connect attempt: when it started and ended (epoch ms) and whether the service accepted it. */
export interface ProbeSample {
  /** `host:port`. */
  target: string;
  start: number;
  end: number;
  ok: boolean;
  /** Why it failed (ECONNREFUSED, timeout …). */
  error?: string;
}

/** What one status poll read from one device. */
export interface DeviceReading {
  runningStatus?: 'Initial' | 'Active' | 'Standby';
  role?: 'primary' | 'secondary';
  controlChannel?: 'Connected' | 'Disconnected';
  consistency?: 'Not Performed' | 'Consistent' | 'Inconsistent';
  /** Switchover records the device lists (a growing count is a switchover, seen or not). */
  switchovers?: number;
  vrrp: { interface: string; vrid: number; state: string }[];
  /** Set when the device did not answer this poll. */
  error?: string;
  /** `error` as a message of the `core` catalogue, when it has one. */
  errorSaid?: Message;
}

/** Both devices read once, with when the reading started and ended. */
export interface StatusPoll {
  start: number;
  end: number;
  a: DeviceReading;
  b: DeviceReading;
}

/** Where a device stood at a point of the drill: the before/after of the record. */
export interface DeviceSnapshot extends DeviceReading {
  /** `display session statistics`: current sessions. */
  sessions?: number;
}

export interface TargetFigures {
  target: string;
  probes: number;
  failed: number;
  /** Longest outage seen by this target (ms), 0 without one; the whole rest of the phase when it never answered again. */
  interruptionMs: number;
  /** Estimated start and end of that outage (midway between the probes around each edge). */
  stoppedAt?: number;
  resumedAt?: number;
  recovered: boolean;
}

/** The figures of one move of the Active role (the switchover, or the switchback). */
export interface PhaseFigures {
  phase: 'switchover' | 'switchback';
  /** What moved the role: the manual operation, the link going down, or RBM's own fallback after the link came back. */
  trigger: 'manual' | 'link-down' | 'fallback';
  from: DeviceKey;
  to: DeviceKey;
  /** When the trigger was sent (for `fallback`: when the link came back, so the figure includes the configured delay). */
  triggeredAt: number;
  /** Trigger until a poll showed the new Active Active and every VRRP group moved; null if never seen. */
  switchoverMs: number | null;
  /** Longest probe outage over all targets; null without probes. */
  interruptionMs: number | null;
  failedProbes: number | null;
  /** Sessions on the new Active after the move, as a share of those on the old Active before it; null when there were none to keep. */
  sessionsPreservedPct: number | null;
  sessionsBefore?: number;
  sessionsAfter?: number;
  /** Fallback delay the device waited before moving back (included in switchoverMs), ms. */
  delayMs?: number;
  targets: TargetFigures[];
}

export type DrillOutcome =
  /** Both moves measured, nothing unexpected, the pair back as planned. */
  | 'passed'
  /** Something unexpected happened (or the pair did not end as planned): the figures and `standing` say what. */
  | 'failed'
  /** Not started: a rule or the health matrix said no; nothing was changed. */
  | 'refused'
  | 'declined';

/** A sentence a user reads: its English and its message in the `core` catalogue (drillRun.*). */
export interface Sentence {
  text: string;
  code: string;
  params?: MessageParams;
}

export interface TimelineEntry {
  at: number;
  text: string;
  /** `text` as a message of the `core` catalogue, for the reader's language. */
  code?: string;
  params?: MessageParams;
  device?: DeviceKey;
  /** An event the drill did not expect (a flap, a consistency change, a device unreachable …). */
  unexpected?: boolean;
}

export interface DrillDeviceFacts {
  sysname?: string;
  model?: string;
  softwareVersion?: string;
  release?: string;
  serialNumber?: string;
  /** How HotPair reached it ("ssh admin@10.0.0.1:22", "serial:///dev/ttyUSB0?baud=9600"). */
  target?: string;
}

export interface DrillRecord {
  version: 1;
  runId: string;
  pair: string;
  kind: DrillKind;
  startedAt: string;
  endedAt: string;
  outcome: DrillOutcome;
  /** One sentence: what happened. */
  message: string;
  /** `message` as a message of the `core` catalogue (drillRun.*). */
  said?: Message;
  probes: string[];
  /** The switchback measured too (--fallback, or fallback configured in the pair). */
  measureSwitchback: boolean;
  releaseNote?: string;
  devices: Record<DeviceKey, DrillDeviceFacts>;
  health: { before?: HealthCheck[]; after?: HealthCheck[] };
  before?: Record<DeviceKey, DeviceSnapshot>;
  after?: Record<DeviceKey, DeviceSnapshot>;
  switchover?: PhaseFigures;
  switchback?: PhaseFigures;
  /** After a stop once the pair was changed: whether it was put back where it started. */
  restored?: boolean;
  /** Where each device stands at the end, in words (after a stop, what could not be put back). */
  standing: Record<DeviceKey, string>;
  /** `standing` as messages of the `core` catalogue. */
  standingSaid?: Record<DeviceKey, Message>;
  timeline: TimelineEntry[];
  polls: StatusPoll[];
  samples: ProbeSample[];
}

/** The figures `hotpair drill --json` prints at top level (the switchover) and under `switchback`. */
export interface DrillSummary {
  pair: string;
  outcome: DrillOutcome;
  message: string;
  /** `message` as a message of the `core` catalogue (drillRun.*), language-neutral. */
  said?: Message;
  switchoverMs: number | null;
  interruptionMs: number | null;
  failedProbes: number | null;
  sessionsPreservedPct: number | null;
  switchback?: { switchoverMs: number | null; interruptionMs: number | null; failedProbes: number | null; sessionsPreservedPct: number | null };
}
