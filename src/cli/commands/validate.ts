import type { Command } from 'commander';
import type { i18n } from 'i18next';
import { DEFAULT_LANGUAGE, diagnosticText, ruleSummary } from '../../i18n/index';
import { cliI18n } from '../../i18n/node/cli';
import { cliCore } from '../../i18n/node/cli-core';
import type { Translator } from '../../core/base/message';
import type { LoadError } from '../../core/model/load';
import { readPairFile } from '../../core/model/node/read-pair';
import { readPackFile } from '../pack-file';
import { RULES, type Diagnostic } from '../../core/validate/index';
import { displayWidth, t } from '../i18n';

/** Exit codes of `hotpair validate`: scripts branch on them. */
export const EXIT_VALID = 0;
export const EXIT_RULE_ERRORS = 1;
export const EXIT_UNREADABLE = 2;

/**
 * One finding as the CLI prints it, in the run's language; the rule id and the path stay as they
 * are (they name things in the file). Outside English the vendor's sentence follows as a quotation,
 * since it stays in the vendor's English while the explanation beside it is translated.
 */
export function formatDiagnostic(d: Diagnostic, i: i18n = cliI18n()): string {
  const text = diagnosticText(i, d);
  const quote = text.reason !== undefined && i.language !== DEFAULT_LANGUAGE ? `  ${i.t('cli:reason', { reason: text.reason })}\n` : '';
  return `${text.severity}  ${d.rule}  ${d.path === '' ? '' : `${d.path}: `}${text.message}\n  ${i.t('cli:fix', { fix: text.fix ?? '' })}\n${quote}`;
}

/** Refused before parsing (missing, too large, binary, nested too deep): one sentence that already names the file. */
const REFUSED: ReadonlySet<LoadError['kind']> = new Set(['read', 'too-large', 'not-text', 'too-deep']);
export const isRefusal = (errors: readonly LoadError[]): boolean => errors.length === 1 && REFUSED.has(errors[0]!.kind);

export function formatLoadError(file: string, e: LoadError, tr: Translator = cliCore()): string {
  const message = e.key === undefined ? e.message : tr.text(e.key, e.params, e.message);
  if (REFUSED.has(e.kind)) return `${t('error', { message })}\n`;
  const where = e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}` : file;
  // The English decides whether the line adds anything: the message may already say what is expected.
  const said = e.expectedMessage ? { sep: 'comma' as const, items: [e.expectedMessage] } : e.expected;
  const expected = e.expected !== undefined && said !== undefined && !e.message.includes(e.expected) ? `\n  ${tr.text('load.expected-line', { expected: said }, `expected: ${e.expected}`)}` : '';
  return `${where}: ${e.path ? `${e.path}: ` : ''}${message}${expected}\n`;
}

/** Runs the command; returns the exit code (kept separate from commander for tests and the host). */
export function runValidate(file: string, opts: { json?: boolean; pack?: string }, out: (s: string) => void, err: (s: string) => void): number {
  const pack = readPackFile(opts.pack);
  if (!pack.ok) {
    if (opts.json) out(`${JSON.stringify({ file, valid: false, errors: [{ kind: 'pack', message: pack.message }] }, null, 2)}\n`);
    else err(`hotpair: ${pack.message}\n`);
    return EXIT_UNREADABLE;
  }
  const loaded = readPairFile(file, { pack: pack.pack });
  if (!loaded.ok) {
    if (opts.json) out(`${JSON.stringify({ file, valid: false, errors: loaded.errors }, null, 2)}\n`);
    else {
      for (const e of loaded.errors) err(formatLoadError(file, e));
      if (!isRefusal(loaded.errors)) err(`${cliI18n().t('cli:unreadable', { file, count: loaded.errors.length })}\n`);
    }
    return EXIT_UNREADABLE;
  }
  const { diagnostics, valid } = loaded;
  if (opts.json) out(`${JSON.stringify({ file, valid, diagnostics }, null, 2)}\n`);
  else {
    const i = cliI18n();
    for (const d of diagnostics) out(formatDiagnostic(d, i));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    out(`${i.t(valid ? (warnings > 0 ? 'cli:validWithWarnings' : 'cli:valid') : 'cli:invalid', { file, errors, warnings })}\n`);
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

/**
 * The rule catalogue, generated from the rules themselves so it cannot drift from them. The JSON
 * form stays language-neutral (ids, severities, the rules' own English); the table is in the run's
 * language, severities padded by display width so CJK columns line up too.
 */
export function listRules(json: boolean, i: i18n = cliI18n()): string {
  if (json) return `${JSON.stringify(RULES.map(({ id, severity, summary, reason }) => ({ id, severity, summary, ...(reason ? { reason } : {}) })), null, 2)}\n`;
  const width = Math.max(...RULES.map((r) => r.id.length));
  const severity = (s: string) => i.t(`common:severity.${s}`);
  const sevWidth = Math.max(...RULES.map((r) => displayWidth(severity(r.severity))));
  return RULES.map((r) => {
    const sev = severity(r.severity);
    return `${r.id.padEnd(width)}  ${sev}${' '.repeat(sevWidth - displayWidth(sev))}  ${ruleSummary(i, r)}${r.reason ? '' : ` ${i.t('cli:houseRule')}`}\n`;
  }).join('');
}


type Options = { json?: boolean; pack?: string; listRules?: boolean };

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(t('validate.desc'))
    .argument('[files...]', t('validate.files'))
    .option('--json', t('validate.json'))
    .option('--pack <file>', t('packOption'))
    .option('--list-rules', t('validate.listRules'))
    .action((files: string[], opts: Options) => {
      if (opts.listRules) {
        process.stdout.write(listRules(opts.json === true));
        return;
      }
      if (files.length === 0) {
        process.stderr.write(`${cliI18n().t('cli:needsFile')}\n`);
        process.exitCode = EXIT_UNREADABLE;
        return;
      }
      process.exitCode = runValidateFiles(files, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}
