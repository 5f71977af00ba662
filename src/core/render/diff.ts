import { parseCidr, parseIp } from '../model/ip';
import { normaliseLine, type ConfigNode, type ConfigTree } from '../parse/current-config';
import { fill, type PlatformPack } from '../platforms/pack';
import { ENTERS } from './emit';
import { conflictId, isImplicitDefault, replaceId } from './defaults';
import { segments } from './segments';
import { parseCommand, type ParsedCommand } from './templates';
import type { RenderedLine, RenderedScript } from './types';

/**
 * What to type on a device to bring its running configuration to the rendered one. Apply
 * `remove` first (it undoes only what stands in the way), then `add` stage by stage (stageLines
 * works on it too). Neither includes the system-view/return frame; both include view navigation.
 */
export interface Plan {
  add: RenderedLine[];
  remove: string[];
  /** Desired configuration lines already in place. */
  unchanged: number;
}

/** Line text for comparison: single spaces, IPv6 addresses in canonical form (devices print upper case). */
function canon(text: string): string {
  return normaliseLine(text)
    .split(' ')
    .map((t) => {
      // Weekdays: the lab prints `sun`, a release may print `sunday`.
      const day = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*day$/i.exec(t);
      if (day) return (day[1] as string).toLowerCase();
      if (!t.includes(':')) return t;
      const c = t.includes('/') ? parseCidr(t) : null;
      if (c) return `${c.ip}/${c.prefix}`;
      return parseIp(t)?.ip ?? t;
    })
    .join(' ');
}

interface Parsed {
  node: ConfigNode;
  cmd: ParsedCommand | undefined;
}

/**
 * The plan for one device. The RBM view is managed whole: a setting the pair file does not ask
 * for is undone. Elsewhere only what conflicts is undone (a track entry or VRRP group with other
 * values); single-valued settings (local-ip, keepalive, device-role, ip address…) are simply
 * typed again with the new value. Other running configuration is left alone.
 */
export function planChanges(desired: RenderedScript, running: ConfigTree, pack: PlatformPack): Plan {
  const parse = (text: string, view: RenderedLine['view']) => parseCommand(pack, text, view);
  // A view printed twice (seen in pasted or concatenated configurations) counts as one.
  const views = new Map<string, ConfigNode>();
  for (const n of running.nodes) {
    const seen = views.get(canon(n.text));
    views.set(canon(n.text), seen ? { text: seen.text, children: [...seen.children, ...n.children] } : n);
  }

  // Desired lines per view (a view may be visited in several stages) and at system level.
  const segs = segments(desired.lines);
  const byView = new Map<string, RenderedLine[]>();
  const systemLines: RenderedLine[] = [];
  for (const s of segs) {
    if (!s.enter) systemLines.push(...s.body);
    else {
      const k = canon(s.enter.text);
      byView.set(k, [...(byView.get(k) ?? []), ...s.body]);
      if (s.enter.undo !== undefined) systemLines.push(s.enter);
    }
  }

  const satisfied = (line: RenderedLine, have: readonly Parsed[]): boolean => {
    const t = canon(line.text);
    if (have.some((h) => canon(h.node.text) === t)) return true;
    const p = parse(line.text, line.view === 'user' ? 'system' : line.view);
    if (!p) return false;
    const same = (h: Parsed) => h.cmd !== undefined && replaceId(h.cmd.key, h.cmd.values) === replaceId(p.key, p.values);
    // Defaults are not printed: the setting's absence means the default value.
    if (!p.negated && isImplicitDefault(p.key, p.values)) return !have.some(same);
    // Switches default to off: `undo X enable` holds unless X is switched on.
    if (p.negated) return !have.some((h) => h.cmd?.key === p.key && !h.cmd.negated);
    return false;
  };

  const parsedTop: Parsed[] = running.nodes.map((node) => ({ node, cmd: parse(node.text, 'system') }));
  const add: RenderedLine[] = [];
  let unchanged = 0;
  for (const s of segs) {
    if (!s.enter) {
      for (const l of s.body) {
        if (satisfied(l, parsedTop)) unchanged++;
        else add.push(l);
      }
      continue;
    }
    const e = s.enter;
    const node = views.get(canon(e.text));
    const have: Parsed[] = (node?.children ?? []).map((c) => ({ node: c, cmd: parse(c.text, ENTERS[e.key ?? ''] ?? 'system') }));
    if (node && s.body.length === 0) unchanged++;
    const missing = node ? s.body.filter((l) => !satisfied(l, have)) : s.body;
    unchanged += s.body.length - missing.length;
    if (missing.length === 0 && (node || e.undo === undefined)) continue;
    // An existing view is only entered, not created: its undo would remove what was there before.
    const enter: RenderedLine = node ? withoutUndo(e) : e;
    add.push(enter, ...missing);
    add.push({ text: pack.session.quit, stage: e.stage, kind: 'exit', view: ENTERS[e.key ?? ''] ?? 'system', context: e.text, verified: true });
  }

  return { add, remove: removals(pack, running, byView, systemLines), unchanged };
}

function withoutUndo(l: RenderedLine): RenderedLine {
  const { undo: _undo, ...rest } = l;
  return rest;
}

function removals(pack: PlatformPack, running: ConfigTree, byView: Map<string, RenderedLine[]>, systemLines: RenderedLine[]): string[] {
  const rbmHeader = canon(pack.commands.rbmEnter?.template ?? 'remote-backup group');
  const undoOf = (p: ParsedCommand): string | undefined => {
    const u = pack.commands[p.key]?.undo;
    return u === undefined ? undefined : fill(u, p.values);
  };
  const ids = (lines: readonly RenderedLine[], f: (p: ParsedCommand) => string | undefined) =>
    new Set(lines.map((l) => parseCommand(pack, l.text, l.view === 'user' ? 'system' : l.view)).flatMap((p) => (p ? [f(p)] : [])).filter((x) => x !== undefined));
  const out: string[] = [];

  const sysTexts = new Set(systemLines.map((l) => canon(l.text)));
  const sysConflicts = ids(systemLines, (p) => conflictId(p.key, p.values));
  for (const node of running.nodes) {
    const header = canon(node.text);
    const wanted = byView.get(header);
    if (wanted === undefined) {
      // A system-level instance that the desired one cannot simply overwrite.
      const p = parseCommand(pack, node.text, 'system');
      const cid = p && conflictId(p.key, p.values);
      const u = p && undoOf(p);
      if (cid && sysConflicts.has(cid) && !sysTexts.has(header) && u) out.push(u);
      continue;
    }
    const view = wanted[0]?.view ?? 'system';
    const texts = new Set(wanted.map((l) => canon(l.text)));
    const replaced = ids(wanted, (p) => replaceId(p.key, p.values));
    const conflicts = ids(wanted, (p) => conflictId(p.key, p.values));
    const undos: string[] = [];
    for (const c of node.children) {
      const p = parseCommand(pack, c.text, view);
      if (!p || p.negated || texts.has(canon(c.text))) continue;
      const rid = replaceId(p.key, p.values);
      const managedWhole = header === rbmHeader;
      const conflicting = conflicts.has(conflictId(p.key, p.values) ?? '');
      if (managedWhole ? rid !== undefined && replaced.has(rid) : !conflicting) continue;
      const u = undoOf(p);
      if (u !== undefined) undos.push(u);
    }
    if (undos.length > 0) out.push(node.text, ...undos, pack.session.quit);
  }
  return out;
}
