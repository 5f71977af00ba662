/**
 * The commissioning report's input: one commissioning run as its journal recorded it, the drills
 * that followed it, and the versions that made them. Plain JSON-serialisable data, so the CLI,
 * the desktop host and tests build the same report from the same records.
 */
import type { PhaseFigures, TargetFigures } from '../drill/types';
import type { DeviceFacts } from '../model/facts';
import type { DeviceKey } from '../model/pair';
import type { RunOutcome } from '../provision/journal';
import type { HealthCheck } from '../provision/types';
import type { Diagnostic } from '../validate/diagnostic';

export const REPORT_FORMAT = 'hotpair-report';
/** Raised when the layout of the signed file (not the look of the page) changes. */
export const REPORT_FORMAT_VERSION = 1;

export interface CommissioningRun {
  runId: string;
  pair: string;
  pairFile?: string;
  /** The journal file the run was read from (its name only). */
  journal: string;
  startedAt: string;
  endedAt?: string;
  outcome?: RunOutcome;
  /** No run-end: killed or crashed mid-way. */
  interrupted: boolean;
  message?: string;
  targets: Record<DeviceKey, string>;
  /** The tool that ran the commissioning, as its journal names it. */
  tool: string;
  pack?: { id: string; version: string };
  facts: Partial<Record<DeviceKey, DeviceFacts>>;
  preflight?: { rules: string[]; findings: Diagnostic[] };
  /** The syntax probe's verdicts (`?` help on every planned line), as journalled. */
  probe: { phase: 'done' | 'skipped' | 'forced'; device?: DeviceKey; unconfirmed?: string[]; reason?: string; time: string }[];
  health: { before?: HealthCheck[]; after?: HealthCheck[]; now?: HealthCheck[] };
  plans: Partial<Record<DeviceKey, { add: string[]; remove: string[] }>>;
  /** Lines each device confirmed, with the stage they were typed in. */
  applied: Record<DeviceKey, { line: string; stage: string }[]>;
  stages: { name: string; begin: string; done?: string }[];
  /** Every verification verdict in order; the last one is the run's. */
  verify: { ok: boolean; time: string; failures?: string[] }[];
  commitDelay: Partial<Record<DeviceKey, { minutes?: number; confirmed: boolean }>>;
  saves: Partial<Record<DeviceKey, { ok: boolean; error?: string }>>;
  rolledBack: Partial<Record<DeviceKey, 'done' | 'failed'>>;
  savedConfig: Partial<Record<DeviceKey, { method: string; bytes: number; file?: string; sha256?: string }>>;
  /** `now`: the file checked against the recorded digest when the report was made. */
  transcripts: { device: DeviceKey; file: string; sha256: string; bytes: number; now?: 'unchanged' | 'changed' | 'missing' }[];
}

/**
 * The figures of one move of the Active role (the switchover, or the switchback), as the drill
 * measured them (null: not measured); what moved it is optional, for drills journalled before
 * the trigger was recorded.
 */
export type DrillFigures = Pick<PhaseFigures, 'switchoverMs' | 'interruptionMs' | 'failedProbes' | 'sessionsPreservedPct' | 'sessionsBefore' | 'sessionsAfter' | 'delayMs'> &
  Partial<Pick<PhaseFigures, 'trigger' | 'from' | 'to'>> & {
    targets: Pick<TargetFigures, 'target' | 'probes' | 'failed' | 'interruptionMs' | 'recovered'>[];
  };

/** One point of a drill's timeline: a probe's result, or something that happened. */
export interface DrillTimelineEntry {
  /** Milliseconds since the Unix epoch. */
  t: number;
  kind: 'probe' | 'event';
  /** probe: the HOST:PORT probed, and whether the TCP connect succeeded. */
  target?: string;
  ok?: boolean;
  /** event: what happened ("switchover sent", "B reports Active", a flap…). */
  text?: string;
  /** event: one the drill did not expect. */
  unexpected?: boolean;
}

/** A drill as the report shows it, read from the drill's journal record (src/core/drill/types.ts DrillRecord). */
export interface DrillReport {
  runId: string;
  pair: string;
  kind: string;
  /** `link` drills: the interface shut down and brought back. */
  interface?: string;
  journal?: string;
  startedAt: string;
  endedAt?: string;
  outcome: string;
  message?: string;
  probes: string[];
  /** Absent when the drill stopped before the trigger. */
  figures?: DrillFigures;
  switchback?: DrillFigures;
  timeline: DrillTimelineEntry[];
  /** Where each device stood at the end, in words. */
  standing?: Partial<Record<DeviceKey, string>>;
  restored?: boolean;
  releaseNote?: string;
}

export interface ReportInput {
  run: CommissioningRun;
  drills: DrillReport[];
  /** When the report was made (ISO): part of the input so the same input gives the same bytes. */
  generatedAt: string;
  /** The tool that made the report. */
  tool: string;
  /** The signer's key fingerprint, printed in the page (the signature itself follows the page). */
  signer?: string;
  /** Names to print in the sign-off boxes; left blank to be written by hand. */
  engineer?: string;
  customer?: string;
}
