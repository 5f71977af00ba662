/**
 * Where a one-cable run stands, read from its journal: which device's part is done, what was
 * applied on each device since its last rollback (what an undo must take back), what was saved,
 * and what discovery read on each device (B's pair checks use A's facts from here).
 */
import type { DeviceFacts } from '../../model/facts';
import type { DeviceKey } from '../../model/pair';
import type { JournalRecord, RunOutcome } from '../journal';

/** The stage records that mark one device's part of a one-cable run. */
export const partStage = (k: DeviceKey): string => `one-cable:${k}`;

export interface OneCableProgress {
  oneCable: boolean;
  runId?: string;
  pair?: string;
  pairFile?: string;
  target?: string;
  /** The running configuration before this run first touched the device. */
  preConfig: Partial<Record<DeviceKey, string>>;
  facts: Partial<Record<DeviceKey, DeviceFacts>>;
  /** Undo lists of the lines applied since the device's last rollback, in apply order (a line in flight included: it may have landed). */
  undo: Record<DeviceKey, string[][]>;
  partDone: Record<DeviceKey, boolean>;
  /** Saved with this run's lines in it (and not rolled back since). */
  saved: Record<DeviceKey, boolean>;
  ended?: RunOutcome;
}

export function readProgress(text: string): OneCableProgress {
  const p: OneCableProgress = { oneCable: false, preConfig: {}, facts: {}, undo: { a: [], b: [] }, partDone: { a: false, b: false }, saved: { a: false, b: false } };
  const open = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    let r: JournalRecord;
    try {
      r = JSON.parse(raw) as JournalRecord;
    } catch {
      continue; // a blank or torn line: the rest still counts
    }
    switch (r.type) {
      case 'run-start':
        Object.assign(p, { oneCable: r.mode === 'one-cable', runId: r.runId, pair: r.pair, pairFile: r.pairFile, target: r.targets.a });
        break;
      case 'pre-config':
        p.preConfig[r.device] ??= r.text;
        break;
      case 'facts':
        p.facts[r.device] = r.facts;
        break;
      case 'step': {
        const key = `${r.device}/${r.stage}/${r.index}`;
        if (r.stage === 'probe') break;
        if (r.phase === 'begin') open.set(key, r.undo ?? []);
        else {
          open.delete(key);
          if (r.phase === 'done') p.undo[r.device].push(r.undo ?? []);
        }
        break;
      }
      case 'rollback':
        // Undone: nothing of the earlier lines is left to take back, and the part starts over.
        if (r.phase === 'done') {
          p.undo[r.device] = [];
          for (const key of [...open.keys()]) if (key.startsWith(`${r.device}/`)) open.delete(key);
          p.partDone[r.device] = false;
          p.saved[r.device] = false;
        }
        break;
      case 'stage':
        if (r.phase === 'done' && (r.name === partStage('a') || r.name === partStage('b'))) p.partDone[r.name.endsWith('a') ? 'a' : 'b'] = true;
        break;
      case 'save':
        if (r.ok) p.saved[r.device] = p.undo[r.device].length > 0;
        break;
      case 'run-end':
        p.ended = r.outcome;
        break;
      default:
        break;
    }
  }
  for (const [key, undo] of open) p.undo[key.startsWith('a/') ? 'a' : 'b'].push(undo);
  return p;
}
