import type { Command } from 'commander';
import { readPackFile } from '../pack-file';

/** `hotpair pack dump [--pack FILE]`: the pack as JSON, to correct a template for a release and load it with --pack. */
export function runPackDump(opts: { pack?: string }, out: (s: string) => void, err: (s: string) => void): number {
  const r = readPackFile(opts.pack);
  if (!r.ok) {
    err(`hotpair: ${r.message}\n`);
    return 2;
  }
  out(`${JSON.stringify(r.pack, null, 2)}\n`);
  return 0;
}

export function registerPack(program: Command): void {
  const pack = program.command('pack').description('the platform pack (prompts, errors, command templates) as editable data');
  pack
    .command('dump')
    .description('print the Comware V7 platform pack as JSON (edit it and pass it back with --pack)')
    .option('--pack <file>', 'print this pack file instead, after checking it')
    .action((opts: { pack?: string }) => {
      process.exitCode = runPackDump(opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}
