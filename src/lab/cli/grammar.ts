import { parseIp } from '../../core/model/ip';
import { maskToPrefix } from '../device/model';
import { parseInterfaceTokens, resolveType } from '../device/interfaces';

/**
 * The command grammar: every command is a row of tokens, and one matcher walks all rows of a view
 * in lock-step over the typed tokens. This gives Comware's behaviour for free: unique-prefix
 * abbreviation of every keyword, the five `%` errors at the right token, and `?` help listing
 * what may come next. Rows come from the platform pack's templates (see dialect.ts) or, for
 * commands the tool never types, from the small syntax `compile` reads.
 */
export type ParamType = 'ipv4' | 'mask' | 'ipv6' | 'int' | 'word' | 'text' | 'interface' | 'hhmm' | 'weekday';

export interface ParamTok {
  kind: 'param';
  name: string;
  type: ParamType;
  /** int: value range; word: length range. */
  min?: number;
  max?: number;
  /** The argument hint `?` prints instead of the one derived from the type. */
  hint?: string;
  desc?: string;
}

/** Several values in one word, as in `{ip}/{prefix}`: `seps` are the literal texts around the parts. */
export interface CompoundTok {
  kind: 'compound';
  parts: ParamTok[];
  /** seps[i] precedes parts[i]; the last entry follows the last part. */
  seps: string[];
}

export type Tok = { kind: 'kw'; word: string; bind?: string } | ParamTok | CompoundTok;

export type Args = Record<string, string>;

export interface Row<H> {
  syntax: string;
  toks: Tok[];
  handler: H;
}

export type ErrorKind = 'Unrecognized command' | 'Incomplete command' | 'Ambiguous command' | 'Too many parameters' | 'Wrong parameter';

export type MatchResult<H> = { ok: true; row: Row<H>; args: Args } | { ok: false; error: ErrorKind; col: number };

/** One line of `?` help before layout: a keyword or an argument hint, and its description. */
export interface HelpItem {
  word: string;
  desc?: string;
}

export type HelpResult = { ok: true; items: HelpItem[]; complete: boolean } | { ok: false; error: ErrorKind; col: number };

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * Parse one syntax string into one or more rows (a `{a|b}` choice expands into one row per word).
 * Syntax: `keyword`, `<name:type>` or `<name:int:1-10>` for a parameter, `{name=a|b}` for a choice
 * of keywords whose chosen word is bound to `name`. `<text:text>` swallows the rest of the line.
 */
export function compile<H>(syntax: string, handler: H): Row<H>[] {
  let variants: Tok[][] = [[]];
  for (const part of syntax.trim().split(/\s+/)) {
    const choice = /^\{(\w+)=([^}]+)\}$/.exec(part);
    const param = /^<(\w+):(\w+)(?::(\d+)-(\d+))?>$/.exec(part);
    if (choice) {
      const [, bind, words] = choice as unknown as [string, string, string];
      variants = variants.flatMap((v) => words.split('|').map((word) => [...v, { kind: 'kw' as const, word, bind }]));
    } else if (param) {
      const [, name, type, min, max] = param as unknown as [string, string, ParamType, string?, string?];
      const tok: Tok = { kind: 'param', name, type, ...(min !== undefined ? { min: Number(min), max: Number(max) } : {}) };
      variants = variants.map((v) => [...v, tok]);
    } else {
      variants = variants.map((v) => [...v, { kind: 'kw' as const, word: part }]);
    }
  }
  return variants.map((toks) => ({ syntax, toks, handler }));
}

export interface Token {
  text: string;
  col: number;
}

/**
 * Split a line into tokens with their columns. `gigabitethernet 1/0/1` (type and number apart) is
 * joined into one token here so that every interface parameter is exactly one token.
 */
export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], col: m.index });
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i] as Token;
    const b = out[i + 1] as Token;
    if (/^[A-Za-z][A-Za-z-]*$/.test(a.text) && /^\d+(?:\/\d+)+$/.test(b.text)) {
      const t = resolveType(a.text);
      if (t && t !== 'ambiguous') out.splice(i, 2, { text: a.text + b.text, col: a.col });
    }
  }
  return out;
}

/** Validate and normalise a parameter value; undefined means "Wrong parameter". */
export function checkParam(tok: ParamTok, text: string): string | undefined {
  switch (tok.type) {
    case 'word':
      return tok.min !== undefined && (text.length < tok.min || text.length > (tok.max ?? text.length)) ? undefined : text;
    case 'text':
      return text;
    case 'int': {
      if (!/^\d{1,10}$/.test(text)) return undefined;
      const n = Number(text);
      if (tok.min !== undefined && (n < tok.min || n > (tok.max ?? n))) return undefined;
      return String(n);
    }
    case 'ipv4': {
      const ip = parseIp(text);
      return ip?.family === 'ipv4' ? ip.ip : undefined;
    }
    case 'ipv6': {
      const ip = parseIp(text);
      return ip?.family === 'ipv6' ? ip.ip : undefined;
    }
    case 'mask':
      return maskToPrefix(text) === undefined ? undefined : text;
    case 'interface': {
      const r = parseInterfaceTokens([text]);
      return 'name' in r ? r.name : undefined;
    }
    case 'hhmm':
      return /^([01]?\d|2[0-3]):[0-5]\d$/.test(text) ? text.padStart(5, '0') : undefined;
    case 'weekday': {
      const t = text.toLowerCase();
      const hits = t.length >= 2 ? WEEKDAYS.filter((d) => d.startsWith(t)) : [];
      return hits.length === 1 ? (hits[0] as string).slice(0, 3) : undefined;
    }
  }
}

/** The values a parameter token binds for a typed word, or undefined when the word does not fit. */
export function valueOf(tok: ParamTok | CompoundTok, text: string): Args | undefined {
  if (tok.kind === 'param') {
    const v = checkParam(tok, text);
    return v === undefined ? undefined : { [tok.name]: v };
  }
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = tok.parts.map((_, i) => `${esc(tok.seps[i] ?? '')}(.+${i === tok.parts.length - 1 ? '' : '?'})`).join('');
  const m = new RegExp(`^${body}${esc(tok.seps[tok.parts.length] ?? '')}$`).exec(text);
  if (!m) return undefined;
  const args: Args = {};
  for (const [i, part] of tok.parts.entries()) {
    const v = checkParam(part, m[i + 1] as string);
    if (v === undefined) return undefined;
    args[part.name] = v;
  }
  return args;
}

type Walk<H> = { ok: true; cands: Row<H>[] } | { ok: false; error: ErrorKind; col: number };

/** Narrow the rows token by token; an error names the first token no row accepts. */
function walk<H>(rows: readonly Row<H>[], tokens: readonly Token[]): Walk<H> {
  let cands = rows.filter((r) => r.toks.length > 0);
  for (const [i, t] of tokens.entries()) {
    const word = t.text.toLowerCase();
    // A text parameter earlier in the row has swallowed the rest of the line.
    const swallowed = cands.filter((r) => lastIsTextBefore(r, i));
    const live = cands.filter((r) => i < r.toks.length);
    const exact = live.filter((r) => kwAt(r, i) === word);
    const prefixed = live.filter((r) => kwAt(r, i)?.startsWith(word));
    const params = live.filter((r) => {
      const tok = r.toks[i];
      return tok !== undefined && tok.kind !== 'kw' && valueOf(tok, t.text) !== undefined;
    });
    let next: Row<H>[];
    if (exact.length) next = [...exact, ...params];
    else {
      const words = new Set(prefixed.map((r) => kwAt(r, i)));
      if (words.size > 1) return { ok: false, error: 'Ambiguous command', col: t.col };
      next = [...prefixed, ...params];
    }
    next.push(...swallowed);
    if (!next.length) {
      if (cands.some((r) => r.toks.length === i)) return { ok: false, error: 'Too many parameters', col: t.col };
      if (live.some((r) => r.toks[i]?.kind !== 'kw')) return { ok: false, error: 'Wrong parameter', col: t.col };
      return { ok: false, error: 'Unrecognized command', col: t.col };
    }
    cands = next;
  }
  return { ok: true, cands };
}

/** Match tokens against rows. Keywords match case-insensitively by unique prefix. */
export function match<H>(rows: readonly Row<H>[], tokens: readonly Token[], line: string): MatchResult<H> {
  const w = walk(rows, tokens);
  if (!w.ok) return w;
  const n = tokens.length;
  const complete = w.cands.filter((r) => r.toks.length === n || lastIsTextBefore(r, n));
  // The caret goes one past the last word, or under the end of trailing blanks the user typed.
  if (!complete.length) return { ok: false, error: 'Incomplete command', col: Math.max(line.trimEnd().length + 1, line.length) };
  // Prefer the row that matched most keywords exactly (a keyword beats a free-form parameter).
  const score = (r: Row<H>) => r.toks.filter((tok, i) => tok.kind === 'kw' && tokens[i]?.text.toLowerCase() === tok.word).length;
  const row = complete.reduce((best, r) => (score(r) > score(best) ? r : best));
  return { ok: true, row, args: bindArgs(row, tokens, line) };
}

function kwAt<H>(r: Row<H>, i: number): string | undefined {
  const tok = r.toks[i];
  return tok?.kind === 'kw' ? tok.word : undefined;
}

function lastIsTextBefore<H>(r: Row<H>, i: number): boolean {
  const last = r.toks[r.toks.length - 1];
  return last?.kind === 'param' && last.type === 'text' && r.toks.length - 1 < i;
}

function bindArgs<H>(row: Row<H>, tokens: readonly Token[], line: string): Args {
  const args: Args = {};
  row.toks.forEach((tok, i) => {
    const t = tokens[i];
    if (!t) return;
    if (tok.kind === 'kw') {
      if (tok.bind) args[tok.bind] = tok.word;
    } else if (tok.kind === 'param' && tok.type === 'text') {
      args[tok.name] = line.slice(t.col).trimEnd();
    } else Object.assign(args, valueOf(tok, t.text));
  });
  return args;
}

/** The canonical text of a matched command: full keywords and normalised values. */
export function canonical<H>(row: Row<H>, args: Args): string {
  return row.toks
    .map((tok) => {
      if (tok.kind === 'kw') return tok.word;
      if (tok.kind === 'param') return args[tok.name];
      return tok.parts.map((p, i) => `${tok.seps[i] ?? ''}${args[p.name]}`).join('') + (tok.seps[tok.parts.length] ?? '');
    })
    .join(' ');
}

/** Words a parameter offers in `?` help as if they were keywords (interface types, week days). */
export type ParamWords = (tok: ParamTok) => HelpItem[] | undefined;

/** The argument hints of a parameter, as Comware prints them (`INTEGER<1-255>`, `X.X.X.X`). */
export function paramHints(tok: ParamTok | CompoundTok): HelpItem[] {
  if (tok.kind === 'compound') {
    const hint = tok.parts.map((p, i) => `${tok.seps[i] ?? ''}${paramHints(p)[0]?.word ?? ''}`).join('') + (tok.seps[tok.parts.length] ?? '');
    return [{ word: hint, desc: tok.parts.map((p) => p.desc ?? p.name).join(' and ') }];
  }
  const desc = tok.desc ? { desc: tok.desc } : {};
  if (tok.hint) return [{ word: tok.hint, ...desc }];
  const range = tok.min !== undefined ? `<${tok.min}-${tok.max}>` : '';
  switch (tok.type) {
    case 'int':
      return [{ word: `INTEGER${range}`, ...desc }];
    case 'word':
      return [{ word: `STRING${range}`, ...desc }];
    case 'text':
      return [{ word: 'TEXT', ...desc }];
    case 'ipv4':
      return [{ word: 'X.X.X.X', ...desc }];
    case 'ipv6':
      return [{ word: 'X:X::X:X', ...desc }];
    case 'mask':
      return [
        { word: 'INTEGER<0-32>', desc: 'Mask length' },
        { word: 'X.X.X.X', ...desc },
      ];
    case 'hhmm':
      return [{ word: 'TIME', ...desc }];
    default:
      return [{ word: tok.type.toUpperCase(), ...desc }];
  }
}

/**
 * `?` help after `tokens`. Without `partial`, what may follow: keywords, argument hints and `<cr>`
 * when the command is already complete. With `partial` (the word the `?` touches), the keywords
 * that start with it, without descriptions, as Comware lists them. A token no row accepts is an
 * error at its column, as if the line had been entered.
 */
export function help<H>(rows: readonly Row<H>[], tokens: readonly Token[], partial: Token | undefined, words: ParamWords = () => undefined): HelpResult {
  const w = walk(rows, tokens);
  if (!w.ok) return w;
  const k = tokens.length;
  const items = new Map<string, HelpItem>();
  const add = (it: HelpItem) => items.has(it.word) || items.set(it.word, it);
  let complete = false;
  const p = partial?.text.toLowerCase();
  for (const r of w.cands) {
    const tok = r.toks[k];
    if (!tok || lastIsTextBefore(r, k)) {
      complete = true;
      continue;
    }
    if (tok.kind === 'kw') {
      if (p === undefined || tok.word.startsWith(p)) add({ word: tok.word });
      continue;
    }
    const offered = tok.kind === 'param' ? words(tok) : undefined;
    if (p === undefined) (offered ?? paramHints(tok)).forEach(add);
    else if (offered) offered.filter((o) => o.word.toLowerCase().startsWith(p)).forEach((o) => add({ word: o.word }));
    else if (valueOf(tok, partial?.text ?? '') !== undefined) paramHints(tok).forEach((h) => add({ word: h.word }));
  }
  if (partial && !items.size) {
    // Inside free text a `?` touching a word still means: the line so far is complete.
    if (complete) return { ok: true, items: [], complete: true };
    return { ok: false, error: 'Unrecognized command', col: partial.col };
  }
  return { ok: true, items: [...items.values()].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0)), complete: partial ? false : complete };
}
