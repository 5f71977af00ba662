/**
 * The commissioning workflow's contract with whoever drives it (CLI, desktop host, tests): the
 * sessions it is given, the journal it writes, the events it reports and the limits it keeps.
 * Pure types: the engine never opens a connection or a file itself.
 */
import type { Message, MessageParams } from '../base/message';
import type { ErrorInfo } from '../base/errors';
import type { DeviceFacts } from '../model/facts';
import type { DeviceKey } from '../model/pair';
import type { Session } from '../session/types';
import type { Diagnostic } from '../validate/diagnostic';
import type { JournalRecord, RunOutcome } from './journal';

/** Opens (or re-opens, for rollback) a logged-in session to one device of the pair. */
export type SessionFactory = (device: DeviceKey, signal: AbortSignal) => Promise<Session>;

/** Where journal records go: a fsync'd file in the CLI (node/journal-file.ts), memory in tests. */
export interface JournalSink {
  append(record: JournalRecord): void;
  /** Keeps bytes in a file beside the journal (0600, synced); returns its name and SHA-256 (hex). */
  keep?(name: string, bytes: Uint8Array): { file: string; sha256: string };
  /** Records a closed session's transcript file with its SHA-256 (a `transcript` record). */
  transcript?(device: DeviceKey, file: string): void;
}

/** The named limits of a run; every wait is bounded by one of them. */
export interface WorkflowTimeouts {
  /** Opening one session (login included). */
  connectMs: number;
  /** Discovery of one device (8 display commands). */
  discoverMs: number;
  /** Waiting for the primary's `sync` lines to appear on the secondary. */
  syncMs: number;
  /** Verification; default derived from the pair's keepalive (see verifyTimeoutFor). */
  verifyMs?: number;
  /** Pause between two verification polls. */
  pollMs: number;
  /** Rolling back one device (reconnect, undo, re-read). */
  rollbackMs: number;
}

export const DEFAULT_TIMEOUTS: WorkflowTimeouts = { connectMs: 60_000, discoverMs: 120_000, syncMs: 60_000, pollMs: 1_000, rollbackMs: 180_000 };

export type StageName = 'connect' | 'discover' | 'preflight' | 'plan' | 'prepare' | 'channel' | 'sync' | 'local' | 'verify' | 'commit' | 'save' | 'rollback';

/** One check of the pair health matrix. */
export interface HealthCheck {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'warn' | 'n/a';
  reason: string;
  fix: string;
  /** The reason as a message: the `core` catalogue has `<code>.reason` (and `.fix` when `fix` is set); the title is `health.<id>.title`. */
  code?: string;
  params?: MessageParams;
}

/** One unmet expectation of verification: what was expected and what the device showed. */
export interface VerifyFailure {
  device: DeviceKey | 'pair';
  expectation: string;
  expected: string;
  seen: string;
  /** The expectation as a message of the `core` catalogue (verify.*); expected and seen are device values, never translated. */
  code?: string;
  params?: MessageParams;
}

export interface DevicePlanView {
  add: string[];
  remove: string[];
  unchanged: number;
}

export type WorkflowEvent =
  | { kind: 'stage'; stage: StageName; phase: 'begin' | 'end'; title: string; explain?: string }
  | { kind: 'line'; device: DeviceKey; stage: string; index: number; total: number; line: string }
  | { kind: 'preflight'; findings: Diagnostic[] }
  /** `after`: following a successful push; `now`: where the devices stand after a failure and rollback. */
  | { kind: 'health'; when: 'before' | 'after' | 'now'; checks: HealthCheck[] }
  | { kind: 'plan'; plans: Record<DeviceKey, DevicePlanView>; nothingToDo: boolean }
  | { kind: 'verify'; attempt: number; failures: VerifyFailure[] }
  /** `text` is the English; `code` (a key of the `core` catalogue) and `params` let each edge say it in the reader's language. */
  | { kind: 'message'; level: 'info' | 'warn' | 'error'; text: string; device?: DeviceKey; code?: string; params?: MessageParams };

export type EventSink = (e: WorkflowEvent) => void;

/** Where one device stands after a rollback. */
export interface DeviceRollback {
  device: DeviceKey;
  /** Undo lines typed (navigation included). */
  typed: number;
  /** Undo lines the device refused (`line: what the device said`), and HotPair's notes (a second pass that failed, lines with no undo form). */
  errors: string[];
  /** Each note of `errors` as a message, at its index; null (or absent) for a device's refusal, shown as it is (rollback-text.ts). */
  errorsSaid?: (Message | null)[];
  /** Running configuration vs the pre-push copy: `- line` missing now, `+ line` extra now. Empty = restored. */
  differences: string[];
  /** No session could be opened: the device relies on its commit-delay auto-revert (deadline, ISO). `reasonSaid`: the reason's own message, when it has one. */
  unreachable?: { reason: string; reasonSaid?: Message; revertsAt?: string };
}

export interface WorkflowResult {
  outcome: RunOutcome | 'preflight-failed' | 'failed';
  findings: Diagnostic[];
  health: { before?: HealthCheck[]; after?: HealthCheck[]; now?: HealthCheck[] };
  plans?: Record<DeviceKey, DevicePlanView>;
  facts?: Record<DeviceKey, DeviceFacts>;
  verifyFailures?: VerifyFailure[];
  rollback?: Record<DeviceKey, DeviceRollback>;
  saved?: boolean;
  error?: ErrorInfo;
  /** Lines applied per device before the end (for "kept" and failure reports). */
  applied: Record<DeviceKey, number>;
}

export type { Session };
