import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadPairText, type LoadError, type Position } from '../../core/model/load';
import { readPackFile } from '../pack-file';
import { hasErrors, RULES, validatePair, type Diagnostic } from '../../core/validate/index';

/** Exit codes of `hotpair validate`: scripts branch on them. */
export const EXIT_VALID = 0;
export const EXIT_RULE_ERRORS = 1;
export const EXIT_UNREADABLE = 2;

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity}  ${d.rule}  ${d.path === '' ? '' : `${d.path}: `}${d.message}\n  fix: ${d.fix}\n`;
}

export function formatLoadError(file: string, e: LoadError): string {
  const where = e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}` : file;
  const expected = e.expected !== undefined && !e.message.includes(e.expected) ? `\n  expected: ${e.expected}` : '';
  return `${where}: ${e.path ? `${e.path}: ` : ''}${e.message}${expected}\n`;
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs the command; returns the exit code (kept separate from commander for tests and the host). */
export function runValidate(file: string, opts: { json?: boolean; pack?: string }, out: (s: string) => void, err: (s: string) => void): number {
  const pack = readPackFile(opts.pack);
  if (!pack.ok) {
    if (opts.json) out(`${JSON.stringify({ file, valid: false, errors: [{ kind: 'pack', message: pack.message }] }, null, 2)}\n`);
    else err(`hotpair: ${pack.message}\n`);
    return EXIT_UNREADABLE;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `no such file: ${file}` : code === 'EISDIR' ? `${file} is a directory` : `cannot read ${file}: ${code ?? (e as Error).message}`;
    if (opts.json) out(`${JSON.stringify({ file, valid: false, errors: [{ kind: 'read', message }] }, null, 2)}\n`);
    else err(`hotpair: ${message}\n`);
    return EXIT_UNREADABLE;
  }
  const loaded = loadPairText(text, file);
  if (!loaded.ok) {
    if (opts.json) out(`${JSON.stringify({ file, valid: false, errors: loaded.errors }, null, 2)}\n`);
    else {
      for (const e of loaded.errors) err(formatLoadError(file, e));
      err(`${file}: not a readable pair file (${count(loaded.errors.length, 'problem')})\n`);
    }
    return EXIT_UNREADABLE;
  }
  const diagnostics = [...(loaded.diagnostics ?? []), ...validatePair(loaded.pair, {}, pack.pack)];
  const valid = !hasErrors(diagnostics);
  if (opts.json) {
    const located = diagnostics.map((d) => ({ ...d, ...nearest(loaded.positions, d.path) }));
    out(`${JSON.stringify({ file, valid, diagnostics: located }, null, 2)}\n`);
  } else {
    for (const d of diagnostics) out(formatDiagnostic(d));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    out(valid ? `${file}: valid${warnings > 0 ? ` (${count(warnings, 'warning')})` : ''}\n` : `${file}: ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`);
  }
  return valid ? EXIT_VALID : EXIT_RULE_ERRORS;
}

/**
 * Several files in one run (a shell glob over resources/examples/): each is reported as alone, and
 * the exit code is the worst of them, so 2 (unreadable) outranks 1 (rule errors) outranks 0. With
 * --json the per-file objects become one array, so the output stays a single JSON document.
 */
export function runValidateFiles(files: string[], opts: { json?: boolean; pack?: string }, out: (s: string) => void, err: (s: string) => void): number {
  if (files.length === 1) return runValidate(files[0]!, opts, out, err);
  let worst = EXIT_VALID;
  const docs: unknown[] = [];
  for (const file of files) {
    let text = '';
    const code = runValidate(file, opts, opts.json ? (s) => (text += s) : out, err);
    if (opts.json) docs.push(JSON.parse(text));
    worst = Math.max(worst, code);
  }
  if (opts.json) out(`${JSON.stringify(docs, null, 2)}\n`);
  return worst;
}

/** The line of a diagnostic's path, or of its nearest parent that is written in the file (defaults are not). */
function nearest(positions: Record<string, Position>, path: string): Partial<Position> {
  for (let p = path; ; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const hit = positions[p];
    if (hit) return hit;
    if (p === '' || !/(\.[^.[\]]+|\[\d+\])$/.test(p)) return positions[p.split(/[.[]/)[0] ?? ''] ?? {};
  }
}

/** The rule catalogue, generated from the rules themselves so it cannot drift from them. */
export function listRules(json: boolean): string {
  if (json) return `${JSON.stringify(RULES.map(({ id, severity, summary, reason }) => ({ id, severity, summary, ...(reason ? { reason } : {}) })), null, 2)}\n`;
  const width = Math.max(...RULES.map((r) => r.id.length));
  return RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}${r.reason ? '' : ' (house rule)'}\n`).join('');
}

type Options = { json?: boolean; pack?: string; listRules?: boolean };

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a pair file against every hot-backup rule (exit 0 valid, 1 rule errors, 2 unreadable)')
    .argument('[files...]', 'pair files (YAML or JSON)')
    .option('--json', 'print {file, valid, diagnostics} as JSON (an array of them for several files)')
    .option('--pack <file>', 'platform pack (JSON) to use instead of the built-in Comware V7 pack')
    .option('--list-rules', 'print the rule catalogue (id, default severity, what it checks) instead')
    .action((files: string[], opts: Options) => {
      if (opts.listRules) {
        process.stdout.write(listRules(opts.json === true));
        return;
      }
      if (files.length === 0) {
        process.stderr.write('hotpair: validate needs a pair file (or --list-rules)\n');
        process.exitCode = EXIT_UNREADABLE;
        return;
      }
      process.exitCode = runValidateFiles(files, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}
