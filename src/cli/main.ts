import { Command, CommanderError } from 'commander';
import { commandModules } from './commands/index';

/** Builds the `hotpair` program with the commands `argv` needs (all of them for help). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('hotpair')
    .description('Commission, bundle and monitor RBM hot-backup pairs over serial console or SSH')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
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
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`hotpair: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
