import { parseIp } from '../../core/model/ip';
import { maskToPrefix } from '../device/model';
import { parseInterfaceTokens, resolveType } from '../device/interfaces';

/**
 * The command grammar: every command is a row written in a small syntax, and one matcher walks all
 * rows of a view in lock-step over the typed tokens. This gives Comware's behaviour for free:
 * unique-prefix abbreviation of every keyword, and the five `%` errors at the right token.
 *
 * Row syntax: `keyword`, `<name:type>` or `<name:int:1-10>` for a parameter, `{name=a|b}` for a
 * choice of keywords whose chosen word is bound to `name`. `<text:text>` swallows the rest of the line.
 */
export type ParamType = 'ipv4' | 'mask' | 'ipv6' | 'ipv6cidr' | 'int' | 'word' | 'text' | 'interface' | 'hhmm' | 'weekday';

export type Tok = { kind: 'kw'; word: string; bind?: string } | { kind: 'param'; name: string; type: ParamType; min?: number; max?: number };

export type Args = Record<string, string>;

export interface Row<H> {
  syntax: string;
  toks: Tok[];
  handler: H;
}

export type ErrorKind = 'Unrecognized command' | 'Incomplete command' | 'Ambiguous command' | 'Too many parameters' | 'Wrong parameter';

export type MatchResult<H> = { ok: true; row: Row<H>; args: Args } | { ok: false; error: ErrorKind; col: number };

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Parse one syntax string into one or more rows (a `{a|b}` choice expands into one row per word). */
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
export function checkParam(tok: Extract<Tok, { kind: 'param' }>, text: string): string | undefined {
  switch (tok.type) {
    case 'word':
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
    case 'ipv6cidr': {
      const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
      const ip = m ? parseIp(m[1] as string) : null;
      return ip?.family === 'ipv6' && Number(m?.[2]) <= 128 ? `${ip.ip}/${Number(m?.[2])}` : undefined;
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

/** Match tokens against rows. Keywords match case-insensitively by unique prefix. */
export function match<H>(rows: readonly Row<H>[], tokens: readonly Token[], line: string): MatchResult<H> {
  let cands = rows.filter((r) => r.toks.length > 0);
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const word = t.text.toLowerCase();
    // A text parameter earlier in the row has swallowed the rest of the line.
    const swallowed = cands.filter((r) => lastIsTextBefore(r, i));
    const live = cands.filter((r) => i < r.toks.length);
    const exact = live.filter((r) => kwAt(r, i) === word);
    const prefixed = live.filter((r) => kwAt(r, i)?.startsWith(word));
    const params = live.filter((r) => {
      const tok = r.toks[i];
      return tok?.kind === 'param' && checkParam(tok, t.text) !== undefined;
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
      if (live.some((r) => r.toks[i]?.kind === 'param')) return { ok: false, error: 'Wrong parameter', col: t.col };
      return { ok: false, error: 'Unrecognized command', col: t.col };
    }
    cands = next;
  }
  const complete = cands.filter((r) => r.toks.length === n || lastIsTextBefore(r, n));
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
    } else if (tok.type === 'text') {
      args[tok.name] = line.slice(t.col).trimEnd();
    } else args[tok.name] = checkParam(tok, t.text) as string;
  });
  return args;
}

/** The canonical text of a matched command: full keywords and normalised values. */
export function canonical<H>(row: Row<H>, args: Args): string {
  return row.toks.map((tok) => (tok.kind === 'kw' ? tok.word : args[tok.name])).join(' ');
}

const PARAM_HELP: Record<ParamType, string> = {
  ipv4: 'X.X.X.X',
  mask: 'X.X.X.X|INTEGER<0-32>',
  ipv6: 'X:X::X:X',
  ipv6cidr: 'X:X::X:X/M',
  int: 'INTEGER',
  word: 'STRING',
  text: 'TEXT',
  interface: 'INTERFACE',
  hhmm: 'TIME<hh:mm>',
  weekday: 'DAY',
};

/**
 * `?` help: with `partial`, the keywords that complete it; otherwise what may follow the typed
 * tokens (`<cr>` when the command is already complete). Descriptions are not modelled.
 */
export function help<H>(rows: readonly Row<H>[], tokens: readonly Token[], partial: string | undefined): string[] {
  const fits = rows.filter((r) =>
    tokens.every((t, i) => {
      const tok = r.toks[i];
      if (!tok) return false;
      return tok.kind === 'kw' ? tok.word.startsWith(t.text.toLowerCase()) : checkParam(tok, t.text) !== undefined;
    }),
  );
  const k = tokens.length;
  const seen = new Set<string>();
  for (const r of fits) {
    const tok = r.toks[k];
    if (!tok) {
      if (partial === undefined) seen.add('<cr>');
      continue;
    }
    if (tok.kind === 'kw') {
      if (partial === undefined || tok.word.startsWith(partial.toLowerCase())) seen.add(tok.word);
    } else if (partial === undefined) seen.add(tok.min !== undefined ? `${PARAM_HELP[tok.type]}<${tok.min}-${tok.max}>` : PARAM_HELP[tok.type]);
  }
  const words = [...seen].filter((w) => w !== '<cr>').sort();
  return [...words, ...(seen.has('<cr>') ? ['<cr>'] : [])].map((w) => `  ${w}`);
}
