import { Command, CommanderError } from 'commander';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../core/base/product';
import { commandModules } from './commands/index';
import { setCliLanguage, unknownLanguageFlag } from '../i18n/node/cli';
import { AppError } from '../core/base/errors';
import { localiseCommander, t } from './i18n';
import { errorLines } from './error-text';

/** `--lang X` / `--lang=X` anywhere in argv: help texts are written as commands register, before commander parses. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** Builds the `hotpair` program with the commands `argv` needs (all of them for help). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const flag = langFlag(argv);
  // A --lang that names no language is refused in preAction; until then the environment speaks.
  setCliLanguage(unknownLanguageFlag(flag) === undefined ? flag : undefined);
  const program = new Command(PRODUCT_NAME);
  localiseCommander(program);
  program
    .description(t('main.description'))
    .version(PRODUCT_VERSION)
    .option('--lang <language>', t('main.lang'))
    .showHelpAfterError()
    .exitOverride();
  // Chosen before any command runs, so every command formats in one language; device text is never translated.
  program.hook('preAction', () => {
    const flag = program.opts<{ lang?: string }>().lang;
    const bad = unknownLanguageFlag(flag);
    if (bad !== undefined) throw new CommanderError(2, 'hotpair.lang', bad);
    setCliLanguage(flag);
  });
  const name = argv[2];
  const names = name !== undefined && name in commandModules ? [name] : Object.keys(commandModules);
  for (const n of names) (await commandModules[n]!())(program);
  return program;
}

/** Returns the process exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  // `hotpair history --csv | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'hotpair.lang') process.stderr.write(`${e.message}\n`);
      return e.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(e instanceof AppError ? errorLines(e) : `${t('error', { message: e instanceof Error ? e.message : String(e) })}\n`);
    return 2;
  }
}
