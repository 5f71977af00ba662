import type { PlatformPack } from '../platforms/pack';
import type { LineView } from './types';

/** A configuration line read back as the pack command it is an instance of. */
export interface ParsedCommand {
  key: string;
  values: Record<string, string>;
  /** The line was the `undo …` form (a switched-off feature in the running configuration). */
  negated: boolean;
}

interface Matcher {
  key: string;
  re: RegExp;
  names: string[];
  literal: number;
}

const cache = new WeakMap<PlatformPack, Map<LineView, Matcher[]>>();

/** `track {id} interface {interface}` → /^track (\S+) interface (\S+)$/; `{text}` takes the rest of the line. */
function compile(key: string, form: string): Matcher {
  const names: string[] = [];
  let src = '';
  let literal = 0;
  for (const part of form.split(/(\{\w+\})/)) {
    const m = /^\{(\w+)\}$/.exec(part);
    if (m) {
      names.push(m[1] as string);
      src += m[1] === 'text' ? '(.+)' : '(\\S+?)';
    } else {
      literal += part.replace(/\s+/g, '').length;
      src += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    }
  }
  return { key, re: new RegExp(`^${src}$`, 'i'), names, literal };
}

function matchers(pack: PlatformPack, view: LineView): Matcher[] {
  let byView = cache.get(pack);
  if (!byView) {
    byView = new Map();
    cache.set(pack, byView);
  }
  let list = byView.get(view);
  if (!list) {
    list = Object.entries(pack.commands)
      .filter(([, t]) => t.view === view)
      .map(([k, t]) => compile(k, t.template))
      // The most specific form wins: `device-role auto` before `device-role {role}`.
      .sort((x, y) => y.literal - x.literal || x.key.localeCompare(y.key));
    byView.set(view, list);
  }
  return list;
}

/** Which pack command a line of the given view is, with its values; undefined when none fits. */
export function parseCommand(pack: PlatformPack, line: string, view: LineView): ParsedCommand | undefined {
  const text = line.trim().replace(/\s+/g, ' ');
  const negated = /^undo /i.test(text);
  const body = negated ? text.slice(5) : text;
  for (const m of matchers(pack, view)) {
    const r = m.re.exec(body);
    if (!r) continue;
    const values: Record<string, string> = {};
    m.names.forEach((n, i) => (values[n] = r[i + 1] as string));
    return { key: m.key, values, negated };
  }
  return undefined;
}
