import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';

/** Builds the `hotpair` program; each command lives in ./commands/<name>.ts. */
export function buildProgram(): Command {
  const program = new Command('hotpair')
    .description('Commission, bundle and monitor RBM hot-backup pairs over serial console or SSH')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Returns the process exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`hotpair: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
