/**
 * The one-cable commissioning run's contract with its driver (CLI, app, tests): one session at a
 * time to whatever device the cable is on, a way to wait for the cable to move, and the engineer's
 * answers to the few questions the flow asks. Pure types.
 */
import type { DeviceKey, Pair } from '../../model/pair';
import type { PlatformPack } from '../../platforms/pack';
import type { PartProbe } from './probe';
import type { DevicePlanView, JournalSink, Session, WorkflowEvent, WorkflowResult, WorkflowTimeouts } from '../types';
import type { MessageParams } from '../../base/message';

/** Where the engineer is in the flow; `--json` prints each as `{"step": …}`. */
export type OneCableStep =
  | 'on-a' // cable on A: log in, discover, check, push A's part
  | 'move-cable' // waiting for the cable to reach `to`
  | 'wrong-device' // the cable reached the device it left (or a stranger): refused, still waiting
  | 'on-b' // cable on B: discover, pair checks, push B's part, verify from B, save B
  | 'undo-b' // B rolled back after a failure
  | 'left-on-a' // what stays on A after B failed, and how to undo it
  | 'undo-a' // A's part undone from the journal, the cable back on A
  | 'back-on-a' // the final look from A's side (and A's save if left for later)
  | 'resume' // a run interrupted between devices, taken up from its journal
  | 'done';

export type OneCableEvent =
  | WorkflowEvent
  /** `text` is the English; `code` + `params` (oneCable.* of the `core` catalogue) say it in the reader's language. */
  | { kind: 'step'; step: OneCableStep; text: string; to?: DeviceKey; device?: DeviceKey; code?: string; params?: MessageParams }
  | { kind: 'device-plan'; device: DeviceKey; plan: DevicePlanView };

export interface OneCableTimeouts extends WorkflowTimeouts {
  /** Waiting for the engineer to move the cable (and for the port to come back). */
  cableMs: number;
  /**
   * With nobody to press Enter (`--yes`, `--json`): how long a port that never goes away (the
   * USB adapter stayed in, only the far end moved) waits before the device on it is tried anyway.
   * Named in the plan; absent = the port's move or the engineer's word only.
   */
  cablePresumeMs?: number;
}

/** How the cable's move was seen: the port went and came back, the engineer said so, or the port stayed put past `cablePresumeMs`. */
export type CableSeen = 'plugged' | 'confirmed' | 'presumed';

export const ONE_CABLE_TIMEOUTS: Pick<OneCableTimeouts, 'cableMs'> = { cableMs: 30 * 60_000 };

export interface OneCableInput {
  pair: Pair;
  pack: PlatformPack;
  /** A logged-in session to the device the cable is on now (a console may land straight at a prompt). */
  open(signal: AbortSignal): Promise<Session>;
  /**
   * Resolves once the cable was moved to `to`: the port went away and came back (reopened by its
   * name), or the engineer said so. Called after the last session on the cable was closed. Says
   * how the move was seen (journalled; nothing = `plugged`); identity is proven after it anyway.
   */
  waitForCable(to: DeviceKey, signal: AbortSignal): Promise<CableSeen | void>;
  journal: JournalSink;
  emit?: (e: OneCableEvent) => void;
  signal?: AbortSignal;
  /** Asked before a device's part is pushed (its plan shown); false ends the run there. Absent = yes. */
  confirm?(device: DeviceKey): Promise<boolean>;
  /** Save A before the cable moves? Absent = yes (`--yes`); no = saved on the final look from A. */
  saveAFirst?(): Promise<boolean>;
  /** After B failed and was rolled back: move the cable back and undo A now? Absent = yes. */
  undoA?(): Promise<boolean>;
  /** After B is verified and saved: back to A for a look from its side? Absent = only when A is not saved yet. */
  finalLook?(): Promise<boolean>;
  /** The syntax probe of each device's part with the cable on it, before that part is pushed (probe.ts). */
  probe?: PartProbe;
  /** Stop after showing A's plan. */
  dryRun?: boolean;
  /** The journal text of an interrupted one-cable run of this pair: taken up where it stopped, appended to the same journal. */
  resume?: string;
  timeouts?: Partial<OneCableTimeouts>;
  now?: () => Date;
  meta: { runId: string; target: string; tool: string; pairFile?: string };
}

export interface OneCableResult extends WorkflowResult {
  /** A's part left on A (B failed, the undo on A not done yet): what `hotpair recover` undoes once the cable is back. */
  leftOnA?: { lines: number; saved: boolean };
}
