/**
 * The lines a device would be sent, in the order and view the push types them: stage 0 removals,
 * then the added lines of the stages this device receives (the `sync` stage goes to the primary
 * only). View-entering lines are marked, and so is the undo of those that create their view.
 */
import type { DeviceKey } from '../model/pair';
import { normaliseLine, parseCurrentConfig } from '../parse/current-config';
import type { PlatformPack } from '../platforms/pack';
import type { DevicePlan } from '../provision/plan';
import { ENTERS } from '../render/emit';
import { parseCommand } from '../render/templates';
import type { Stage } from '../render/types';

export interface ProbeItem {
  line: string;
  /** `system`, or the line that entered the view this one is typed in. */
  view: string;
  kind: 'enter' | 'exit' | 'command';
  /** For an `enter` line that creates its view: the line that removes it again. */
  creates?: string;
}

const same = (x: string, y: string) => normaliseLine(x).toLowerCase() === normaliseLine(y).toLowerCase();

export function probeItems(pack: PlatformPack, plan: DevicePlan, stages: (stage: Stage) => boolean): ProbeItem[] {
  const quit = pack.session.quit;
  const existing = parseCurrentConfig(plan.running).nodes.map((n) => n.text);
  const out: ProbeItem[] = [];
  let view = 'system';
  for (const line of plan.plan.remove) {
    if (same(line, quit)) {
      out.push({ line, view, kind: 'exit' });
      view = 'system';
      continue;
    }
    const p = view === 'system' ? parseCommand(pack, line, 'system') : undefined;
    if (p && !p.negated && ENTERS[p.key] !== undefined) {
      out.push({ line, view: 'system', kind: 'enter' });
      view = line;
    } else out.push({ line, view, kind: 'command' });
  }
  view = 'system';
  for (const l of plan.plan.add) {
    if (l.kind === 'frame' || !stages(l.stage)) continue;
    if (l.kind === 'enter') {
      const item: ProbeItem = { line: l.text, view: 'system', kind: 'enter' };
      // The plan drops the undo of a view that exists; the running configuration is asked again all the same.
      if (l.undo !== undefined && !existing.some((t) => same(t, l.text))) item.creates = l.undo;
      out.push(item);
      view = l.text;
    } else if (l.kind === 'exit') {
      out.push({ line: l.text, view, kind: 'exit' });
      view = 'system';
    } else out.push({ line: l.text, view, kind: 'command' });
  }
  return out;
}

/** The stages device `k` is sent: all but `sync`, which goes to `primary` only. */
export const stagesFor = (k: DeviceKey, primary: DeviceKey) => (stage: Stage) => stage !== 'sync' || k === primary;
