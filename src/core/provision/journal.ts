import type { DeviceKey } from '../model/pair';

/**
 * The commissioning journal: one JSON object per line, written BEFORE and AFTER every step, so a
 * run killed at any instant (even SIGKILL between two writes) leaves an exact record: a `begin`
 * without its `done` is a line that may or may not have reached the device.
 */
export type JournalRecord =
  | { type: 'run-start'; runId: string; pair: string; pairFile?: string; time: string; targets: Record<DeviceKey, string>; tool: string }
  | { type: 'pre-config'; device: DeviceKey; text: string }
  | { type: 'plan'; device: DeviceKey; add: string[]; remove: string[] }
  | { type: 'stage'; name: string; phase: 'begin' | 'done'; time: string }
  | { type: 'step'; device: DeviceKey; stage: string; index: number; line: string; undo?: string[]; phase: 'begin' | 'done' | 'failed'; time: string; error?: string }
  | { type: 'rollback'; device: DeviceKey; phase: 'begin' | 'done' | 'failed'; time: string; differences?: string[]; error?: string }
  /** `configuration commit delay N` started (the device reverts itself at `deadline`) or confirmed. */
  | { type: 'commit-delay'; device: DeviceKey; phase: 'start' | 'confirm'; time: string; minutes?: number; deadline?: string }
  | { type: 'verify'; ok: boolean; time: string; failures?: string[] }
  | { type: 'save'; device: DeviceKey; ok: boolean; time: string; error?: string }
  | { type: 'run-end'; outcome: RunOutcome; time: string; message?: string };

export type RunOutcome = 'success' | 'nothing-to-do' | 'dry-run' | 'rolled-back' | 'rollback-incomplete' | 'failed-kept' | 'recovered' | 'declined';

export interface JournalSummary {
  runId?: string;
  pair?: string;
  pairFile?: string;
  startedAt?: string;
  targets?: Record<DeviceKey, string>;
  outcome?: RunOutcome;
  /** True when the run has no run-end: killed or crashed mid-way. */
  interrupted: boolean;
  /** Lines confirmed applied, in order, with the undo each needs. */
  applied: Record<DeviceKey, { line: string; undo: string[]; stage: string }[]>;
  /** Lines begun but not confirmed: they may have reached the device. */
  inFlight: { device: DeviceKey; line: string; undo: string[] }[];
  preConfig: Partial<Record<DeviceKey, string>>;
  rolledBack: Partial<Record<DeviceKey, 'done' | 'failed'>>;
  /** A commit delay still pending at the end of the journal: the device reverts itself at the deadline. */
  commitDelay: Partial<Record<DeviceKey, { deadline?: string; confirmed: boolean }>>;
  /** Lines that were not JSON (a torn last write): reported, never fatal. */
  damagedLines: number;
}

export function summarizeJournal(text: string): JournalSummary {
  const s: JournalSummary = { interrupted: true, applied: { a: [], b: [] }, inFlight: [], preConfig: {}, rolledBack: {}, commitDelay: {}, damagedLines: 0 };
  const open = new Map<string, { device: DeviceKey; line: string; undo: string[] }>();
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    let r: JournalRecord;
    try {
      r = JSON.parse(raw) as JournalRecord;
    } catch {
      s.damagedLines++;
      continue;
    }
    switch (r.type) {
      case 'run-start':
        Object.assign(s, { runId: r.runId, pair: r.pair, pairFile: r.pairFile, startedAt: r.time, targets: r.targets });
        break;
      case 'pre-config':
        s.preConfig[r.device] = r.text;
        break;
      case 'step': {
        const key = `${r.device}/${r.stage}/${r.index}`;
        if (r.phase === 'begin') open.set(key, { device: r.device, line: r.line, undo: r.undo ?? [] });
        else {
          open.delete(key);
          if (r.phase === 'done') s.applied[r.device].push({ line: r.line, undo: r.undo ?? [], stage: r.stage });
        }
        break;
      }
      case 'rollback':
        if (r.phase !== 'begin') s.rolledBack[r.device] = r.phase;
        break;
      case 'commit-delay':
        s.commitDelay[r.device] = r.phase === 'start' ? (r.deadline === undefined ? { confirmed: false } : { deadline: r.deadline, confirmed: false }) : { ...s.commitDelay[r.device], confirmed: true };
        break;
      case 'run-end':
        s.outcome = r.outcome;
        s.interrupted = false;
        break;
      default:
        break;
    }
  }
  s.inFlight = [...open.values()];
  return s;
}
