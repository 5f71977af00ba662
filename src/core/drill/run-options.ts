/**
 * What the failover drill is given and what it emits: its options, its named limits, the probe
 * interface the caller supplies and the events a UI follows. The runner itself is run.ts.
 */
import type { DeviceKey, Pair } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';
import type { HealthCheck, JournalSink, SessionFactory } from '../provision/types';
import type { DrillPlan } from './plan';
import type { DrillKind, PhaseFigures, ProbeSample, ProbeTarget, TimelineEntry } from './types';

/** The laptop's probes: one connect to each target every `intervalMs`. */
export interface ProbeRun {
  samples(): ProbeSample[];
  stop(): Promise<ProbeSample[]>;
}
export interface Prober {
  start(targets: readonly ProbeTarget[], intervalMs: number): ProbeRun;
}

export const PROBE_INTERVAL_MS = 50;

/** The drill's named limits; every wait is bounded by one of them. */
export interface DrillTimeouts {
  connectMs: number;
  discoverMs: number;
  /** Trigger until the move must be seen; default the pair's verification limit (2 × keepalive budget + 20 s). */
  moveMs?: number;
  /** One status poll of both devices. */
  pollLimitMs: number;
  /** Pause between two status polls. */
  pollGapMs: number;
  /** Probes before the trigger, to see every target answer. */
  warmupMs: number;
  /** After the move is seen, probes keep going at least this long (the data plane may lag the status). */
  settleMs: number;
  /** …and at most this long for every target to answer again. */
  recoveryMs: number;
}

export const DEFAULT_DRILL_TIMEOUTS: DrillTimeouts = { connectMs: 60_000, discoverMs: 120_000, pollLimitMs: 15_000, pollGapMs: 100, warmupMs: 1_000, settleMs: 600, recoveryMs: 10_000 };

export type DrillEvent =
  | { kind: 'step'; entry: TimelineEntry }
  | { kind: 'plan'; plan: DrillPlan }
  | { kind: 'health'; when: 'before' | 'after'; checks: HealthCheck[] }
  | { kind: 'figures'; figures: PhaseFigures };

export interface DrillOptions {
  pair: Pair;
  kind: DrillKind;
  probes: readonly ProbeTarget[];
  /** --fallback: measure the switchback too (always when the pair has fallback configured). */
  fallback?: boolean;
  open: SessionFactory;
  prober: Prober;
  signal: AbortSignal;
  /** The address HotPair reaches each device at (undefined over the console), for the link rule. */
  management: Record<DeviceKey, string | undefined>;
  /** Asked with the plan; the answer must be yes, or the plan's confirmWord. Absent: go ahead (--yes). */
  confirm?: (plan: DrillPlan) => Promise<string | boolean>;
  /** Without `confirm`, stands for typing the plan's confirmWord (--accept-role-swap). */
  acceptRoleSwap?: boolean;
  pack?: PlatformPack;
  emit?: (e: DrillEvent) => void;
  journal?: JournalSink;
  meta: { runId: string; targets: Record<DeviceKey, string>; tool: string; pairFile?: string };
  timeouts?: Partial<DrillTimeouts>;
  now?: () => number;
}
