/**
 * Every error a user can meet says itself through the catalogue: core and the host give it a
 * message key and params beside their English, which is only the fallback for a reader without a
 * catalogue. This reads the source with the TypeScript compiler and names, file:line, each place
 * that writes a sentence into an error without a key:
 *
 * - `new AppError(code, <text written here>, opts)` whose options carry no `message` (a text made
 *   by the CLI's `t(…)` is the catalogue's already, and is fine);
 * - an AppError re-made from another error's `.message` that drops the key it had;
 * - a helper that hands its parameter to such an AppError, called with text written at the call;
 * - an ErrorInfo written as an object (`{ code: 'INTERNAL', message: '…' }`) without its `key`;
 * - `throw new Error(<text written here>)` in src/core and src/host, which reaches the user as an
 *   INTERNAL error in English, unless it guards a programming error (DEVELOPER_ONLY, below).
 *
 * "Written here" means a string or template literal (or a local constant holding one) with at least
 * one letter of its own: `${a}: ${b}` is punctuation around values, not a sentence.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/base/errors';

const ROOT = join(import.meta.dirname, '../..');

type Rule = 'app-error' | 'rewrap' | 'forwarded' | 'error-info' | 'plain-error';

interface Finding {
  rule: Rule;
  file: string;
  line: number;
  /** The offending expression's source, on one line. */
  text: string;
}

const show = (f: Finding): string => `${f.file}:${f.line}: ${f.text}`;

/**
 * Plain Errors that guard a programming error, never a user's input or a device's answer: the
 * build, the pack's templates and checks the schema already made. A user who meets one has found
 * a bug, and its English is for the maintainers.
 */
const DEVELOPER_ONLY: readonly { file: string; starts: string; why: string }[] = [
  { file: 'src/core/platforms/pack.ts', starts: '`template "${template}" needs', why: 'a template filled without one of its values is a bug in the caller' },
  { file: 'src/host/app-root.ts', starts: "'HotPair cannot find its own package.json", why: 'a broken build or install, before any window or catalogue exists' },
  { file: 'src/host/host.ts', starts: '{ code: \'NOT_FOUND\', message: `Unknown channel', why: 'the renderer and the contract are built together: only a bug names a channel that does not exist' },
  { file: 'src/host/invalid.ts', starts: '{', why: "input the contract's schema refuses: the renderer validates its forms first, so only a bug (or a script calling the API by hand) sends it" },
];

/**
 * User-facing errors still in English only, in files no one has keyed yet. Listed so the guard
 * holds everything else now; each entry goes when its error gains a key (a stale entry fails the
 * last test, so the list only shrinks).
 */
const NOT_YET_KEYED: readonly { file: string; starts: string }[] = [];

const CODES = new Set<string>(ERROR_CODES);

function walk(p: string): string[] {
  if (statSync(p).isFile()) return /\.tsx?$/.test(p) && !p.endsWith('.d.ts') ? [p] : [];
  return readdirSync(p).flatMap((n) => (n === 'node_modules' ? [] : walk(join(p, n))));
}

const unwrap = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) ? unwrap(e.expression) : e);

/** The `const name = …` of the nearest enclosing block that declares it, if any. */
function localConst(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const st of scope.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer) return d.initializer;
    }
  }
  return undefined;
}

/** Text with a letter of its own written at this spot (see the header). */
function written(expr: ts.Expression | undefined, seen = new Set<ts.Node>()): boolean {
  if (!expr || seen.has(expr)) return false;
  seen.add(expr);
  const e = unwrap(expr);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return /[A-Za-z]/.test(e.text);
  if (ts.isTemplateExpression(e)) return /[A-Za-z]/.test(e.head.text + e.templateSpans.map((s) => s.literal.text).join(''));
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return written(e.left, seen) || written(e.right, seen);
  if (ts.isConditionalExpression(e)) return written(e.whenTrue, seen) || written(e.whenFalse, seen);
  if (ts.isIdentifier(e)) return written(localConst(e), seen);
  return false;
}

const nameOf = (p: ts.ObjectLiteralElementLike): string | undefined => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined);

/** Whether AppError's options (or a spread in them) give it a `message` key; a conditional spread counts when one branch does. */
function carriesKey(opts: ts.Expression | undefined): boolean {
  if (!opts) return false;
  const e = unwrap(opts);
  if (ts.isObjectLiteralExpression(e)) return e.properties.some((p) => (ts.isSpreadAssignment(p) ? carriesKey(p.expression) : nameOf(p) === 'message'));
  if (ts.isConditionalExpression(e)) return carriesKey(e.whenTrue) || carriesKey(e.whenFalse);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return carriesKey(e.right);
  return false;
}

/** The name a function is called by: its own, or the variable or property it is assigned to. */
function calledAs(fn: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

const enclosingFunction = (n: ts.Node): ts.SignatureDeclaration | undefined => {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return p;
  return undefined;
};

const calleeName = (c: ts.CallExpression): string | undefined => {
  const e = unwrap(c.expression);
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
};

interface Source {
  file: string;
  sf: ts.SourceFile;
}

function parse(file: string, text: string): Source {
  return { file, sf: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true) };
}

/** Every finding in these sources; `plainErrorIn` says which files the plain-Error rule covers. */
function findings(sources: readonly Source[], plainErrorIn: (file: string) => boolean): Finding[] {
  const out: Finding[] = [];
  const forwarders = new Map<string, number>();
  const at = (s: Source, rule: Rule, node: ts.Node, what: ts.Node = node) =>
    out.push({ rule, file: s.file, line: s.sf.getLineAndCharacterOfPosition(node.getStart(s.sf)).line + 1, text: what.getText(s.sf).replace(/\s+/g, ' ').slice(0, 120) });

  for (const s of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) {
        const [, message, opts] = n.arguments ?? [];
        if (n.expression.text === 'AppError' && message && !carriesKey(opts)) {
          const m = unwrap(message);
          if (written(m)) at(s, 'app-error', n, m);
          else if (ts.isPropertyAccessExpression(m) && m.name.text === 'message') at(s, 'rewrap', n, m);
          else if (ts.isIdentifier(m)) {
            const fn = enclosingFunction(n);
            const index = fn ? fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === m.text) : -1;
            const name = fn && calledAs(fn);
            if (index >= 0 && name) forwarders.set(name, index);
          }
        }
        if (n.expression.text === 'Error' && ts.isThrowStatement(n.parent) && plainErrorIn(s.file) && written(n.arguments?.[0])) at(s, 'plain-error', n, unwrap(n.arguments![0]!));
      }
      if (ts.isObjectLiteralExpression(n)) {
        const props = new Map(n.properties.flatMap((p) => (ts.isPropertyAssignment(p) && nameOf(p) ? [[nameOf(p)!, p.initializer] as const] : [])));
        const code = props.get('code');
        const spreads = n.properties.some((p) => ts.isSpreadAssignment(p));
        if (code && ts.isStringLiteral(code) && CODES.has(code.text) && written(props.get('message')) && !props.has('key') && !spreads) at(s, 'error-info', n);
      }
      ts.forEachChild(n, visit);
    };
    visit(s.sf);
  }

  for (const s of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const name = calleeName(n);
        const index = name === undefined ? undefined : forwarders.get(name);
        const arg = index === undefined ? undefined : n.arguments[index];
        if (arg && written(arg)) at(s, 'forwarded', n, unwrap(arg));
      }
      ts.forEachChild(n, visit);
    };
    visit(s.sf);
  }
  return out;
}

const listed = (f: Finding, list: readonly { file: string; starts: string }[]) => list.some((e) => e.file === f.file && f.text.startsWith(e.starts));

describe('the guard itself', () => {
  const src = parse(
    'src/core/x.ts',
    [
      "const bare = () => new AppError('VALIDATION', `no serial for ${d}`);",
      "const keyed = () => new AppError('VALIDATION', `no serial for ${d}`, { message: { key: 'k' } });",
      "const maybe = () => new AppError('VALIDATION', 'no serial', { fix: 'x', ...(said ? { message: said } : {}) });",
      "const cli = () => new AppError('VALIDATION', t('connect.noUser'));",
      "const values = () => new AppError('VALIDATION', `${a}: ${b}`);",
      "function local() { const text = 'a sentence'; return new AppError('VALIDATION', text); }",
      'const again = (e) => new AppError(e.code, e.message, { fix: e.fix });',
      'function helper(message: string) { return new AppError(\'VALIDATION\', message); }',
      "const viaHelper = () => helper('a sentence'); const viaKeyed = () => helper(t('k'));",
      "const info = { code: 'INTERNAL', message: 'Internal error.' }; const infoKeyed = { code: 'INTERNAL', message: 'Internal error.', key: 'error.internal.hidden' };",
      "function f() { throw new Error('a sentence'); } function g() { throw new Error(e.message); }",
    ].join('\n'),
  );

  it('finds each kind of English-only error, and passes keyed text, CLI text and bare values', () => {
    const found = findings([src], () => true).map((f) => `${f.rule} ${f.line}`);
    expect(found.sort()).toEqual(['app-error 1', 'app-error 6', 'error-info 10', 'forwarded 9', 'plain-error 11', 'rewrap 7'].sort());
  });
});

describe('errors in src/ and electron/ carry their message keys', () => {
  const files = ['src', 'electron'].flatMap((d) => walk(join(ROOT, d))).filter((f) => f.endsWith('.ts'));
  const sources = files.map((f) => parse(relative(ROOT, f).split(sep).join('/'), readFileSync(f, 'utf8')));
  const all = findings(sources, (file) => file.startsWith('src/core/') || file.startsWith('src/host/'));
  const open = (rule: Rule) => all.filter((f) => f.rule === rule && !listed(f, NOT_YET_KEYED) && !listed(f, DEVELOPER_ONLY)).map(show);

  it('reads the whole tree', () => {
    expect(sources.length).toBeGreaterThan(300);
  });

  it('every AppError whose sentence is written here has a message key', () => {
    expect(open('app-error')).toEqual([]);
  });

  it('an AppError re-made from another error keeps that error\'s key', () => {
    expect(open('rewrap')).toEqual([]);
  });

  it('a helper that hands its text to AppError is given keyed text', () => {
    expect(open('forwarded')).toEqual([]);
  });

  it('an ErrorInfo written as an object names its key', () => {
    expect(open('error-info')).toEqual([]);
  });

  it('core and the host throw no plain Error with a sentence a user reads', () => {
    expect(open('plain-error')).toEqual([]);
  });

  it('the lists name only errors that are still there', () => {
    const stale = [...NOT_YET_KEYED, ...DEVELOPER_ONLY].filter((e) => !all.some((f) => f.file === e.file && f.text.startsWith(e.starts)));
    expect(stale).toEqual([]);
  });
});
