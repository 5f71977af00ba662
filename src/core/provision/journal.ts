import type { DeviceFacts } from '../model/facts';
import type { DrillRecord } from '../drill/types';
import type { DeviceKey } from '../model/pair';
import type { Diagnostic } from '../validate/diagnostic';
import type { HealthCheck } from './types';

/**
 * The commissioning journal: one JSON object per line, written BEFORE and AFTER every step, so a
 * run killed at any instant (even SIGKILL between two writes) leaves an exact record: a `begin`
 * without its `done` is a line that may or may not have reached the device.
 */
export type JournalRecord =
  | { type: 'run-start'; runId: string; pair: string; pairFile?: string; time: string; targets: Record<DeviceKey, string>; tool: string; pack?: { id: string; version: string }; mode?: 'one-cable' }
  /** What discovery read before the plan, the rules preflight ran and the health matrix: the commissioning report's evidence. */
  | { type: 'facts'; device: DeviceKey; facts: DeviceFacts; time: string }
  | { type: 'preflight'; rules: string[]; findings: Diagnostic[]; time: string }
  | { type: 'health'; when: 'before' | 'after' | 'now'; checks: HealthCheck[]; time: string }
  /** A session's transcript once closed, with its digest, so a later edit of the file shows. */
  | { type: 'transcript'; device: DeviceKey; file: string; sha256: string; bytes: number; time: string }
  | { type: 'pre-config'; device: DeviceKey; text: string }
  | { type: 'plan'; device: DeviceKey; add: string[]; remove: string[] }
  /**
   * The saved configuration as it was before the push, kept in `file` beside the journal: the
   * device's file byte for byte (`sftp`) or the `display saved-configuration` text (`display`, with why).
   */
  | { type: 'saved-config'; device: DeviceKey; method: 'sftp' | 'display'; path?: string; bytes: number; file?: string; sha256?: string; reason?: string; time: string }
  /**
   * The probe (the devices' `?` help on every planned line): a view it had to create is journalled
   * like a step (`view-begin`, then `view-done` or `view-failed`, with its undo) until `view-removed`;
   * `done` lists the lines not confirmed, `skipped` (--no-probe) and `forced` (--force-unconfirmed,
   * with the engineer's reason) record how its verdict was used.
   */
  | {
      type: 'probe';
      phase: 'view-begin' | 'view-done' | 'view-failed' | 'view-removed' | 'done' | 'skipped' | 'forced';
      device?: DeviceKey;
      line?: string;
      undo?: string[];
      unconfirmed?: string[];
      reason?: string;
      time: string;
    }
  /**
   * One console cable: the engineer asked to move it (`wait`) and the port came back (`plugged`);
   * `confirmed` = the engineer said so; `presumed` = the port never went away (only the far end
   * moved) and the wait for a word ran out: the device on it is tried, its identity decides.
   */
  | { type: 'cable'; to: DeviceKey; phase: 'wait' | 'plugged' | 'confirmed' | 'presumed'; time: string }
  /** Which device answered on the cable (sysname, serial, MAC from discovery), and whether it is the one expected. */
  | { type: 'answered'; expected: DeviceKey; device?: DeviceKey; sysname?: string; serialNumber?: string; mac?: string; time: string }
  | { type: 'stage'; name: string; phase: 'begin' | 'done'; time: string }
  | { type: 'step'; device: DeviceKey; stage: string; index: number; line: string; undo?: string[]; phase: 'begin' | 'done' | 'failed'; time: string; error?: string }
  | { type: 'rollback'; device: DeviceKey; phase: 'begin' | 'done' | 'failed'; time: string; differences?: string[]; error?: string }
  /** `configuration commit delay N` started (the device reverts itself at `deadline`) or confirmed. */
  | { type: 'commit-delay'; device: DeviceKey; phase: 'start' | 'confirm'; time: string; minutes?: number; deadline?: string }
  | { type: 'verify'; ok: boolean; time: string; failures?: string[] }
  | { type: 'save'; device: DeviceKey; ok: boolean; time: string; error?: string }
  /** A failover drill's whole record (figures, timeline, probe samples), written once at its end. */
  | { type: 'drill'; time: string; drill: DrillRecord }
  | { type: 'run-end'; outcome: RunOutcome; time: string; message?: string };

/** `failed`: a drill that stopped before changing anything, or was refused. */
export type RunOutcome = 'success' | 'nothing-to-do' | 'dry-run' | 'rolled-back' | 'rollback-incomplete' | 'failed-kept' | 'recovered' | 'declined' | 'failed';

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
  /** The kept copies of the saved configurations (file names relative to the journal's folder). */
  savedConfig: Partial<Record<DeviceKey, { method: 'sftp' | 'display'; path?: string; bytes: number; file?: string; sha256?: string; reason?: string }>>;
  rolledBack: Partial<Record<DeviceKey, 'done' | 'failed'>>;
  /** A commit delay still pending at the end of the journal: the device reverts itself at the deadline. */
  commitDelay: Partial<Record<DeviceKey, { deadline?: string; confirmed: boolean }>>;
  /** Lines that were not JSON (a torn last write): reported, never fatal. */
  damagedLines: number;
  /** Set when the run was a failover drill: its record. */
  drill?: DrillRecord;
  /** A one-cable run: the cable's moves and which device answered each time, in order. */
  oneCable?: { cable: Omit<Extract<JournalRecord, { type: 'cable' }>, 'type'>[]; answered: Omit<Extract<JournalRecord, { type: 'answered' }>, 'type'>[] };
}

export function summarizeJournal(text: string): JournalSummary {
  const s: JournalSummary = { interrupted: true, applied: { a: [], b: [] }, inFlight: [], preConfig: {}, savedConfig: {}, rolledBack: {}, commitDelay: {}, damagedLines: 0 };
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
        if (r.mode === 'one-cable') s.oneCable = { cable: [], answered: [] };
        break;
      case 'cable': {
        const { type: _type, ...move } = r;
        s.oneCable?.cable.push(move);
        break;
      }
      case 'answered': {
        const { type: _type, ...who } = r;
        s.oneCable?.answered.push(who);
        break;
      }
      case 'pre-config':
        s.preConfig[r.device] = r.text;
        break;
      case 'saved-config': {
        const { type: _type, device, time: _time, ...copy } = r;
        s.savedConfig[device] = copy;
        break;
      }
      case 'step': {
        const key = `${r.device}/${r.stage}/${r.index}`;
        if (r.phase === 'begin') open.set(key, { device: r.device, line: r.line, undo: r.undo ?? [] });
        else {
          open.delete(key);
          if (r.phase === 'done') s.applied[r.device].push({ line: r.line, undo: r.undo ?? [], stage: r.stage });
        }
        break;
      }
      case 'probe': {
        // A view the probe created is undone by a recovery until the probe removed it itself.
        if (!r.device || r.line === undefined || !r.phase.startsWith('view-')) break;
        const key = `${r.device}/probe/${r.line}`;
        if (r.phase === 'view-begin') open.set(key, { device: r.device, line: r.line, undo: r.undo ?? [] });
        else open.delete(key);
        if (r.phase === 'view-done') s.applied[r.device].push({ line: r.line, undo: r.undo ?? [], stage: 'probe' });
        const list = s.applied[r.device];
        let i = r.phase === 'view-removed' ? list.length - 1 : -1;
        while (i >= 0 && !(list[i]?.stage === 'probe' && list[i]?.line === r.line)) i--;
        if (i >= 0) list.splice(i, 1);
        break;
      }
      case 'rollback':
        if (r.phase !== 'begin') s.rolledBack[r.device] = r.phase;
        break;
      case 'commit-delay':
        s.commitDelay[r.device] = r.phase === 'start' ? (r.deadline === undefined ? { confirmed: false } : { deadline: r.deadline, confirmed: false }) : { ...s.commitDelay[r.device], confirmed: true };
        break;
      case 'drill':
        s.drill = r.drill;
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
