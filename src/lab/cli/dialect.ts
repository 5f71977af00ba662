import { comware7 } from '../../core/platforms/comware7';
import { paramOf, type ParamSpec, type PlatformPack } from '../../core/platforms/pack';
import { INTERFACE_TYPES } from '../device/interfaces';
import { COMMIT_DELAY_BINDINGS, LAB_COMMANDS, PACK_BINDINGS } from './commands';
import { compile, WEEKDAYS, type HelpItem, type ParamTok, type ParamType, type Row, type Tok } from './grammar';
import { KEYWORDS } from './keywords';
import type { Behaviour, CommandSpec, ViewKind } from './types';

/**
 * The language a lab device speaks: its rows per view, built from a platform pack. Every command
 * of the pack gets its syntax, view and parameter types from the pack's template and params,
 * and its behaviour from the lab's binding for that command id. So `hotpair lab --pack FILE` with
 * one keyword renamed changes exactly that command on the device, and a probe of the lab meets
 * the grammar the pack describes. Commands the tool never types stay written in the lab.
 */
export interface Dialect {
  readonly pack: PlatformPack;
  rows(view: ViewKind): readonly Row<CommandSpec>[];
  /** One-line description of a keyword, for `?` help. */
  describe(word: string): string | undefined;
  /** Words a parameter offers in `?` help (interface types, week days). */
  words(tok: ParamTok): HelpItem[] | undefined;
}

const VIEWS: readonly ViewKind[] = ['user', 'system', 'interface', 'rbm', 'track', 'luser', 'objgroup'];

const TYPES: Record<Exclude<ParamSpec['type'], 'keyword'>, ParamType> = {
  int: 'int',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  mask: 'mask',
  interface: 'interface',
  string: 'word',
  text: 'text',
  time: 'hhmm',
  weekday: 'weekday',
};

const cache = new WeakMap<PlatformPack, Dialect>();

/** The dialect of a pack, built once per pack object. Throws when a pack command cannot be bound. */
export function dialectOf(pack: PlatformPack): Dialect {
  let d = cache.get(pack);
  if (!d) {
    d = build(pack);
    cache.set(pack, d);
  }
  return d;
}

function build(pack: PlatformPack): Dialect {
  const byView = new Map<ViewKind, Row<CommandSpec>[]>(VIEWS.map((v) => [v, []]));
  const seen = new Set<string>();
  const addRows = (views: readonly ViewKind[], rows: Row<CommandSpec>[]) => {
    for (const v of views) {
      for (const r of rows) {
        // `undo device-role` is the undo form of two commands: one row is enough.
        const key = `${v} ${JSON.stringify(r.toks)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        byView.get(v)?.push(r);
      }
    }
  };
  for (const [id, t] of Object.entries(pack.commands)) {
    const binding = PACK_BINDINGS[id];
    if (!binding) continue; // a pack command the lab does not implement: the device refuses it
    checkPlaceholders(pack, id, 'template', t.template);
    const views = [t.view];
    addRows(views, templateRows(pack, id, t.template, binding.run, views));
    if (t.undo && binding.undo) {
      checkPlaceholders(pack, id, 'undo', t.undo);
      addRows(views, templateRows(pack, id, t.undo, binding.undo, views));
    }
  }
  if (pack.commitDelay) {
    addRows(['system'], templateRows(pack, undefined, pack.commitDelay.start, COMMIT_DELAY_BINDINGS.start, ['system']));
    addRows(['system'], templateRows(pack, undefined, pack.commitDelay.confirm, COMMIT_DELAY_BINDINGS.confirm, ['system']));
  }
  for (const c of LAB_COMMANDS) addRows(c.views === 'any' ? VIEWS : c.views, compile(c.syntax, c));
  return {
    pack,
    rows: (v) => byView.get(v) ?? [],
    describe: (word) => pack.keywords?.[word] ?? KEYWORDS[word],
    words,
  };
}

function words(tok: ParamTok): HelpItem[] | undefined {
  if (tok.type === 'interface') return INTERFACE_TYPES.map((t) => ({ word: t, desc: `${t} interface` }));
  if (tok.type === 'weekday') return WEEKDAYS.map((d) => ({ word: d, desc: d[0]?.toUpperCase() + d.slice(1) }));
  return undefined;
}

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

/**
 * The lab's handlers read the values by the built-in pack's placeholder names: a pack that renames
 * one, or leaves out one that is not optional, cannot be served, and says so at once rather than
 * failing on the first command typed.
 */
function checkPlaceholders(pack: PlatformPack, id: string, which: 'template' | 'undo', text: string): void {
  if (pack === comware7) return;
  const builtIn = comware7.commands[id]?.[which];
  if (builtIn === undefined) return;
  const want = placeholders(builtIn);
  const got = placeholders(text);
  const unknown = got.filter((n) => !want.includes(n));
  const missing = want.filter((n) => !got.includes(n) && !paramOf(comware7, id, n)?.optional);
  if (unknown.length || missing.length) throw new Error(`platform pack command ${id}: the lab reads {${want.join(', ')}} from its ${which}, "${text}" has {${got.join(', ')}}`);
}

/**
 * Rows for one template: keywords, one parameter per {placeholder} (typed by the pack), a choice of
 * keywords for a keyword placeholder, and a shorter row for each optional placeholder.
 */
function templateRows(pack: PlatformPack, id: string | undefined, template: string, behaviour: Behaviour, views: ViewKind[]): Row<CommandSpec>[] {
  const spec: CommandSpec = { syntax: template, views, ...behaviour };
  // A pack dumped before params existed keeps the built-in meaning of each placeholder.
  const specOf = (name: string): ParamSpec => {
    const p = id === undefined ? (pack.params?.[name] ?? comware7.params?.[name]) : (paramOf(pack, id, name) ?? paramOf(comware7, id, name));
    if (!p) throw new Error(`platform pack ${id ? `command ${id}` : 'commitDelay'}: no type for {${name}} (add it to params)`);
    return p;
  };
  let variants: Tok[][] = [[]];
  for (const part of template.trim().split(/\s+/)) {
    const pieces = part.split(/\{(\w+)\}/);
    if (pieces.length === 1) {
      variants = variants.map((v) => [...v, { kind: 'kw', word: part }]);
      continue;
    }
    if (pieces.length > 3 || pieces[0] || pieces[2]) {
      // Several values in one word (`{ip}/{prefix}`): the odd pieces are the names.
      const parts = pieces.filter((_, i) => i % 2 === 1).map((name) => paramTok(pack, name, specOf(name)));
      const tok: Tok = { kind: 'compound', parts, seps: pieces.filter((_, i) => i % 2 === 0) };
      variants = variants.map((v) => [...v, tok]);
      continue;
    }
    const name = pieces[1] as string;
    const p = specOf(name);
    if (p.type === 'keyword' && !p.values?.length) throw new Error(`platform pack: {${name}} is a keyword choice without values`);
    const toks: Tok[] = p.type === 'keyword' ? (p.values ?? []).map((word) => ({ kind: 'kw', word, bind: name })) : [paramTok(pack, name, p)];
    const longer = variants.flatMap((v) => toks.map((t) => [...v, t]));
    // An optional value may be left out, with the keyword that introduces it (`port` in `remote-ip`).
    const shorter = p.optional ? variants.map((v) => dropIntroducer(v, p.introducedBy)) : [];
    variants = [...longer, ...shorter];
  }
  return variants.map((toks) => ({ syntax: template, toks, handler: spec }));
}

function dropIntroducer(v: Tok[], word: string | undefined): Tok[] {
  const last = v[v.length - 1];
  return word !== undefined && last?.kind === 'kw' && last.word === word ? v.slice(0, -1) : v;
}

function paramTok(pack: PlatformPack, name: string, p: ParamSpec): ParamTok {
  if (p.type === 'keyword') throw new Error(`{${name}} is a keyword choice and cannot share a word with other values`);
  const range = p.limit ? pack.limits[p.limit] : p.min !== undefined && p.max !== undefined ? ([p.min, p.max] as const) : undefined;
  return {
    kind: 'param',
    name,
    type: TYPES[p.type],
    ...(range ? { min: range[0], max: range[1] } : {}),
    ...(p.hint ? { hint: p.hint } : {}),
    ...(p.description ? { desc: p.description } : {}),
  };
}
