/**
 * The plan of one device as the steps the workflow types, each with the lines that undo it.
 *
 * Undo is derived against the device's running configuration before the push, not only from the
 * template: a line that replaces a running setting (`ip address`, `description`, `keepalive`,
 * `undo hot-backup enable` …) is undone by typing the old line again, and a removed line by
 * typing it back — the template's `undo` form would leave the setting at its default instead of
 * where it was. Every undo list starts and ends in system view, so any subset of steps can be
 * undone in reverse order (a partial push, or a journal read after a crash).
 */
import type { DeviceKey, Pair } from '../model/pair';
import { normaliseLine, parseCurrentConfig, type ConfigNode, type ConfigTree } from '../parse/current-config';
import { fill, type PlatformPack } from '../platforms/pack';
import { replaceId } from '../render/defaults';
import { planChanges, type Plan } from '../render/diff';
import { ENTERS } from '../render/emit';
import { renderDevice } from '../render/render';
import { parseCommand } from '../render/templates';
import type { LineView, RenderedLine } from '../render/types';

export type StepStage = 'prepare' | 'channel' | 'sync' | 'local';

export interface Step {
  device: DeviceKey;
  stage: StepStage;
  line: string;
  /** Lines typed from system view that take this step back; [] for navigation. */
  undo: string[];
}

export interface DevicePlan {
  device: DeviceKey;
  /** `display current-configuration` before the push, as read. */
  running: string;
  plan: Plan;
  steps: Step[];
}

export const canonLine = (t: string): string => normaliseLine(t).toLowerCase();

function viewOfHeader(pack: PlatformPack, header: string): LineView {
  const p = parseCommand(pack, header, 'system');
  return (p && ENTERS[p.key]) ?? 'system';
}

function findTop(tree: ConfigTree, text: string): ConfigNode | undefined {
  const c = canonLine(text);
  return tree.nodes.find((n) => canonLine(n.text) === c);
}

/** The running line that a desired line replaces (same single-valued setting), if any. */
function replacedLine(pack: PlatformPack, line: RenderedLine, siblings: readonly ConfigNode[]): string | undefined {
  const view = line.view === 'user' ? 'system' : line.view;
  const p = parseCommand(pack, line.text, view);
  const rid = p && replaceId(p.key, p.values);
  if (rid === undefined) return undefined;
  for (const s of siblings) {
    const q = parseCommand(pack, s.text, view);
    if (q && replaceId(q.key, q.values) === rid && canonLine(s.text) !== canonLine(line.text)) return s.text;
  }
  return undefined;
}

/** How to type a node back from system view: a view-opening line is left again with quit. */
function retype(pack: PlatformPack, node: ConfigNode): string[] {
  const opens = viewOfHeader(pack, node.text) !== 'system' || node.children.length > 0;
  return opens ? [node.text, ...node.children.map((c) => c.text), pack.session.quit] : [node.text];
}

export function addSteps(device: DeviceKey, add: readonly RenderedLine[], tree: ConfigTree, pack: PlatformPack): Step[] {
  const quit = pack.session.quit;
  return add.map((l): Step => {
    const stage = l.stage;
    if (l.kind === 'enter') return { device, stage, line: l.text, undo: l.undo !== undefined ? [l.undo] : [] };
    if (l.kind !== 'command') return { device, stage, line: l.text, undo: [] };
    const ctx = l.context;
    const siblings = ctx === undefined ? tree.nodes : (findTop(tree, ctx)?.children ?? []);
    const old = replacedLine(pack, l, siblings);
    const inner = old !== undefined ? [old] : l.undo !== undefined ? [l.undo] : [];
    if (inner.length === 0) return { device, stage, line: l.text, undo: [] };
    return { device, stage, line: l.text, undo: ctx === undefined ? inner : [ctx, ...inner, quit] };
  });
}

/** The plan's removal lines (header, `undo …` lines, quit; or a system-view `undo …`) with what restores each. */
export function removeSteps(device: DeviceKey, remove: readonly string[], tree: ConfigTree, pack: PlatformPack): Step[] {
  const quit = pack.session.quit;
  const undoOf = (text: string, view: LineView): string | undefined => {
    const p = parseCommand(pack, text, view);
    const u = p && pack.commands[p.key]?.undo;
    return p && u !== undefined ? canonLine(fill(u, p.values)) : undefined;
  };
  let header: ConfigNode | undefined;
  return remove.map((line): Step => {
    if (canonLine(line) === canonLine(quit)) {
      header = undefined;
      return { device, stage: 'prepare', line, undo: [] };
    }
    if (header === undefined) {
      const top = findTop(tree, line);
      if (top && top.children.length > 0) {
        header = top;
        return { device, stage: 'prepare', line, undo: [] };
      }
      const orig = tree.nodes.find((n) => undoOf(n.text, 'system') === canonLine(line));
      return { device, stage: 'prepare', line, undo: orig ? retype(pack, orig) : [] };
    }
    const view = viewOfHeader(pack, header.text);
    const orig = header.children.find((c) => undoOf(c.text, view) === canonLine(line));
    return { device, stage: 'prepare', line, undo: orig ? [header.text, orig.text, quit] : [] };
  });
}

/** Plan one device against its running configuration text. */
export function planDevice(pair: Pair, pack: PlatformPack, device: DeviceKey, running: string): DevicePlan {
  const tree = parseCurrentConfig(running);
  const plan = planChanges(renderDevice(pair, pack, device), tree, pack);
  const steps = [...removeSteps(device, plan.remove, tree, pack), ...addSteps(device, plan.add, tree, pack)];
  return { device, running, plan, steps };
}

export const stageSteps = (p: DevicePlan, stage: StepStage): Step[] => p.steps.filter((s) => s.stage === stage);

export const isEmptyPlan = (p: DevicePlan): boolean => p.plan.add.length === 0 && p.plan.remove.length === 0;

/** The rendered `sync` lines of a plan (navigation included), to check their arrival on the secondary. */
export const syncLines = (p: DevicePlan): RenderedLine[] => p.plan.add.filter((l) => l.stage === 'sync');
