import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type Document } from 'yaml';
import type { z } from 'zod';
import type { Message, MessageParam, MessageParams } from '../base/message';
import type { Diagnostic } from '../validate/diagnostic';
import { boundExpected, formsExpected, keysExpected, typeExpected, valuesExpected } from './load-expected';
import { schemaReason } from './load-reasons';
import { Pair } from './pair';
import { formatPath } from './path';
import { keysAt, nearestKey } from './schema-keys';
import { describeControl, findControl, loadSaid, MAX_PAIR_FILE_BYTES, MAX_PAIR_NESTING, notText, overNesting, tooLarge } from './text-guards';

/**
 * Reading a pair file: YAML (JSON being YAML) → the Pair model, or every problem found with where it
 * is (line:column, 1-based) and what was expected. Pure: the caller reads the file. Never throws.
 */
export interface LoadError {
  /** read: the file could not be opened; too-large, not-text, too-deep: refused before parsing, it is not a pair file at all. */
  kind: 'read' | 'too-large' | 'not-text' | 'too-deep' | 'syntax' | 'unknown-key' | 'invalid';
  message: string;
  path?: string;
  line?: number;
  column?: number;
  /** What the field accepts, when it can be said briefly (English). */
  expected?: string;
  /** `expected` as a message of the core catalogue (`load.expected.…`); key names and values are its params. */
  expectedMessage?: Message;
  /** The message as a key of the core catalogue (`load.…`) and its params; `message` is its English. */
  key?: string;
  params?: MessageParams;
}

export interface Position {
  line: number;
  column: number;
}

export type LoadResult =
  | { ok: true; pair: Pair; diagnostics?: Diagnostic[]; positions: Record<string, Position> }
  | { ok: false; errors: LoadError[] };

type Issue = z.core.$ZodIssue;
type Segment = string | number;

/** A JSON file may name its schema; the model has no such key, so it is read and dropped here. */
const SCHEMA_KEY = '$schema';

/** What messages call text that came without a file name (the editor's). */
const UNNAMED = 'pair file';

export function loadPairText(text: string, sourceName?: string): LoadResult {
  const name = sourceName ?? UNNAMED;
  try {
    const r = load(text, name);
    return r.ok ? r : { ok: false, errors: named(r.errors, sourceName) };
  } catch (e) {
    // Belt and braces: the yaml and zod calls above do not throw on bad input, but a caller must never see a stack.
    return { ok: false, errors: named([readFailed(name, e)], sourceName) };
  }
}

/** Text without a file name is named by a sub-message, so the reader's language names it, not core's English. */
function named(errors: LoadError[], sourceName: string | undefined): LoadError[] {
  if (sourceName !== undefined) return errors;
  const source: MessageParam = { sep: 'comma', items: [{ code: 'load.unnamed-source' }] };
  return errors.map((e) => (e.params?.source === UNNAMED ? { ...e, params: { ...e.params, source } } : e));
}

function readFailed(source: string, e: unknown): LoadError {
  const reason = e instanceof Error ? e.message : String(e);
  return { kind: 'syntax', message: `${source} could not be read: ${reason}`, ...loadSaid('read-failed', { source, reason }) };
}

type Parsed = { ok: true; doc: Document.Parsed; at: (offset: number) => Position } | { ok: false; errors: LoadError[] };

/** The guards, then YAML: a document with no syntax errors and a mapping at the top, or why not. */
function parse(text: string, sourceName: string): Parsed {
  if (text.length > MAX_PAIR_FILE_BYTES) return { ok: false, errors: [{ kind: 'too-large', ...tooLarge(sourceName, text.length) }] };
  const control = findControl(text);
  if (control) return { ok: false, errors: [{ kind: 'not-text', ...notText(sourceName, describeControl(control.code)), line: control.line, column: control.column }] };
  const lc = new LineCounter();
  const at = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const tokens = Array.from(new Parser(lc.addNewLine).parse(text));
  const deep = overNesting(tokens);
  if (deep) {
    const message = `${sourceName} nests mappings or lists more than ${MAX_PAIR_NESTING} levels deep (the limit for a pair file, which needs fewer than ten); this is not a pair file`;
    return { ok: false, errors: [{ kind: 'too-deep', message, ...loadSaid('too-deep', { source: sourceName, limit: String(MAX_PAIR_NESTING) }), ...at(deep.offset) }] };
  }
  const doc = compose(tokens, text.length);
  if (doc.errors.length > 0)
    return { ok: false, errors: doc.errors.map((e) => ({ kind: 'syntax' as const, message: firstLine(e.message), ...loadSaid('yaml', { yamlCode: e.code, reason: firstLine(e.message) }), ...at(e.pos[0]) })) };
  if (doc.contents === null) {
    const message = `${sourceName} is empty; expected a pair description (name, mode, devices …)`;
    return { ok: false, errors: [{ kind: 'syntax', message, ...loadSaid('empty', { source: sourceName }), line: 1, column: 1 }] };
  }
  if (!isMap(doc.contents)) {
    const message = 'the file must hold a mapping of keys (name:, mode:, devices: …) at the top level';
    return { ok: false, errors: [{ kind: 'invalid', message, ...loadSaid('not-mapping'), path: '', ...at(doc.contents.range?.[0] ?? 0) }] };
  }
  return { ok: true, doc, at };
}

/**
 * The document as written (before the schema and its defaults), for the form editor, which opens
 * any mapping that parses and shows its findings beside the fields. Never throws.
 */
export function loadWrittenDoc(text: string, sourceName?: string): { ok: true; doc: Record<string, unknown> } | { ok: false; errors: LoadError[] } {
  const name = sourceName ?? UNNAMED;
  try {
    const p = parse(text, name);
    if (p.ok) return { ok: true, doc: p.doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> };
    return { ok: false, errors: named(p.errors, sourceName) };
  } catch (e) {
    return { ok: false, errors: named([readFailed(name, e)], sourceName) };
  }
}

function load(text: string, sourceName: string): LoadResult {
  const parsed = parse(text, sourceName);
  if (!parsed.ok) return parsed;
  const { doc, at } = parsed;
  const raw = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  delete raw[SCHEMA_KEY];
  const r = Pair.safeParse(raw);
  if (!r.success) return { ok: false, errors: tidy(r.error.issues.flatMap((i) => describe(i, [], raw, doc, at))) };

  const diagnostics: Diagnostic[] = doc.warnings.map((w) => {
    const p = at(w.pos[0]);
    const reason = firstLine(w.message);
    // A load diagnostic's message is the code itself and its fix another code, named by fixCode.
    const params = { line: p.line, column: p.column, yamlCode: w.code, reason, fixCode: 'load.fix.yaml-warning' };
    return { rule: 'file.yaml', code: 'load.yaml-warning', params, path: '', severity: 'warning', message: `line ${p.line}:${p.column}: ${reason}`, fix: 'check the YAML at that line' };
  });
  const result: LoadResult = { ok: true, pair: r.data, positions: positions(doc, at) };
  if (diagnostics.length > 0) result.diagnostics = diagnostics;
  return result;
}

/** parseDocument's own steps, over tokens already parsed (and measured) once. */
function compose(tokens: Parameters<Composer['compose']>[0], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const d of new Composer({ uniqueKeys: true }).compose(tokens, true, length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; a pair file is one document'));
      break;
    }
  }
  return doc!;
}

/**
 * A misspelt key shows up twice: as unknown, and as the required key it should have been. Keep the
 * "did you mean" one, which says both, and list errors in file order.
 */
function tidy(errors: LoadError[]): LoadError[] {
  const meant = new Set(
    errors.flatMap((e) => {
      const m = e.kind === 'unknown-key' && e.path !== undefined ? /did you mean (\S+)\?$/.exec(e.message) : null;
      return m ? [`${e.path!.replace(/[^.[\]]+$/, '')}${m[1]}`] : [];
    }),
  );
  const kept = errors.filter((e) => !(e.kind === 'invalid' && e.message.startsWith('missing required key') && e.path !== undefined && meant.has(e.path)));
  return kept.sort((x, y) => (x.line ?? 0) - (y.line ?? 0) || (x.column ?? 0) - (y.column ?? 0));
}

const firstLine = (s: string): string => s.split('\n')[0]!.trim();

function valueAt(raw: unknown, path: readonly Segment[]): unknown {
  let v = raw;
  for (const s of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** Where a path is in the source: the node itself, or (when missing) the nearest existing parent. */
function locate(doc: Document, path: readonly Segment[], at: (o: number) => Position, key?: string): Position | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node === undefined || node === null) continue;
    if (key !== undefined && n === path.length && isMap(node)) {
      const item = node.items.find((it) => isScalar(it.key) && it.key.value === key);
      if (item && isScalar(item.key) && item.key.range) return at(item.key.range[0]);
    }
    if (node.range) return at(node.range[0]);
  }
  return undefined;
}

const show = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const s = JSON.stringify(v);
  return `${typeof v} ${s.length > 40 ? `${s.slice(0, 37)}…` : s}`;
};

/** `show` as a sub-message, so the reader's language names the kind of value while the value stays as written. */
const shown = (v: unknown): MessageParams[string] => {
  const one = (code: string, params?: MessageParams) => ({ sep: 'comma' as const, items: [{ code: `load.got.${code}`, ...(params ? { params } : {}) }] });
  if (v === undefined) return one('nothing');
  if (v === null) return one('null');
  if (Array.isArray(v)) return one('list');
  if (typeof v === 'object') return one('mapping');
  return one('value', { type: typeof v, value: show(v).slice((typeof v).length + 1) });
};

const unknownKey = (k: string, near: string | undefined) => ({
  message: `unknown key "${k}"${near ? ` — did you mean ${near}?` : ''}`,
  ...loadSaid('unknown-key', { key: k, near: near ?? 'none' }),
});

/**
 * A secret written into the file gets the reason rather than a "did you mean": the pair file is
 * shared and bundled, so passwords come from a prompt, the keychain or a named variable instead.
 */
const SECRET_KEY = /^(pass(word|wd)?|pwd|secret|credentials?)$/i;
const NO_SECRETS = 'passwords are never written in the pair file; name an environment variable with devices.<a|b>.passwordEnv, or leave it out to be asked (or use the keychain)';

function describe(issue: Issue, prefix: readonly Segment[], raw: unknown, doc: Document, at: (o: number) => Position): LoadError[] {
  const path = [...prefix, ...(issue.path as Segment[])];
  const where = (key?: string) => locate(doc, path, at, key) ?? {};
  const got = valueAt(raw, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = keysAt(Pair, path);
      return issue.keys.map((k) => {
        const near = nearestKey(k, valid);
        const e: LoadError = {
          kind: 'unknown-key',
          path: formatPath([...path, k]),
          ...(SECRET_KEY.test(k) ? { message: NO_SECRETS, ...loadSaid('no-secrets') } : unknownKey(k, near)),
          ...keysExpected(valid),
          ...where(k),
        };
        return e;
      });
    }
    case 'invalid_union': {
      // Pick the alternative the user evidently meant (the one without unknown keys) and report its issues.
      const branches = issue.errors.filter((errs) => errs.length > 0 && !errs.some((e) => e.code === 'unrecognized_keys' && e.path.length === 0));
      if (branches.length === 1) return branches[0]!.flatMap((e) => describe(e, path, raw, doc, at));
      const forms = unionForms(path);
      const known = keysAt(Pair, path);
      const strangers = got !== null && typeof got === 'object' && !Array.isArray(got) ? Object.keys(got).filter((k) => !known.includes(k)) : [];
      if (forms && strangers.length > 0)
        return strangers.map((k) => {
          const near = nearestKey(k, known);
          return { kind: 'unknown-key' as const, path: formatPath([...path, k]), ...unknownKey(k, near), ...formsExpected(forms), ...where(k) };
        });
      const form = forms && strangers.length === 0 && got !== null && typeof got === 'object' ? 'exactly' : forms ? 'listed' : 'other';
      const message = form === 'exactly' ? `expected exactly one of ${forms}` : `expected ${forms ?? 'another form'}`;
      const said = loadSaid('expected-form', { form, forms: forms ?? '', got: shown(got) });
      return [{ kind: 'invalid', path: formatPath(path), message: `${message}, got ${show(got)}`, ...said, ...(forms ? formsExpected(forms) : {}), ...where() }];
    }
    case 'invalid_type': {
      if (got === undefined) {
        const key = path[path.length - 1];
        const said = loadSaid('missing-key', { key: String(key), expected: issue.expected });
        return [{ kind: 'invalid', path: formatPath(path), message: `missing required key "${String(key)}" (${issue.expected})`, ...said, ...typeExpected(issue.expected), ...locate(doc, path.slice(0, -1), at) }];
      }
      const said = loadSaid('expected-type', { type: issue.expected, got: shown(got) });
      return [{ kind: 'invalid', path: formatPath(path), message: `expected ${article(issue.expected)}, got ${show(got)}`, ...said, ...typeExpected(issue.expected), ...where() }];
    }
    case 'invalid_value': {
      const values = valuesExpected(issue.values.map((v) => String(v)));
      const expected = values.expected;
      return [{ kind: 'invalid', path: formatPath(path), message: `expected one of ${expected}, got ${show(got)}`, ...loadSaid('expected-value', { expected, got: shown(got) }), ...values, ...where() }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}` : `${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}`;
      const measure = issue.origin === 'string' ? 'length' : issue.origin === 'array' ? 'count' : 'value';
      const expected = boundExpected(measure, bound);
      return [{ kind: 'invalid', path: formatPath(path), message: `expected ${expected.expected}, got ${show(got)}`, ...loadSaid('bound', { measure, bound, got: shown(got) }), ...expected, ...where() }];
    }
    default: {
      // Formats and custom checks carry their own "expected …" message from the schema.
      const hasGot = got !== undefined && typeof got !== 'object';
      const said = loadSaid('custom', { reason: schemaReason(issue.message, got), hasGot: hasGot ? 'yes' : 'no', got: shown(got) });
      return [{ kind: 'invalid', path: formatPath(path), message: `${issue.message}${hasGot ? ` (got ${show(got)})` : ''}`, ...said, ...where() }];
    }
  }
}

const article = (t: string): string => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** "{ every } | { daily } | { weekly }" for a union of objects, from the schema. */
function unionForms(path: readonly Segment[]): string | undefined {
  const keys = keysAt(Pair, path);
  return keys.length > 1 ? keys.map((k) => `{ ${k}: … }`).join(' | ') : undefined;
}

/** Every node's path → position, so the CLI and the editor can point diagnostics at lines. */
function positions(doc: Document, at: (o: number) => Position): Record<string, Position> {
  const out: Record<string, Position> = {};
  const walk = (node: unknown, path: Segment[]) => {
    const n = node as { range?: [number, number, number] } | null;
    if (n?.range) out[formatPath(path)] = at(n.range[0]);
    if (isMap(node))
      for (const it of node.items) {
        if (isScalar(it.key)) walk(it.value, [...path, String(it.key.value)]);
      }
    else if (isSeq(node)) node.items.forEach((it, i) => walk(it, [...path, i]));
  };
  walk(doc.contents, []);
  return out;
}
