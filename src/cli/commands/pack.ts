import type { Command } from 'commander';
import { PlatformPackSchema } from '../../core/platforms/pack';
import { readPackFile } from '../pack-file';
import { t } from '../i18n';

/** `hotpair pack dump [--pack FILE]`: the pack as JSON, to correct a template for a release and load it with --pack. */
export function runPackDump(opts: { pack?: string }, out: (s: string) => void, err: (s: string) => void): number {
  const r = readPackFile(opts.pack);
  if (!r.ok) {
    err(`${t('error', { message: r.message })}\n`);
    return 2;
  }
  // Through the schema, so a dump of the built-in pack and of a loaded one order keys alike.
  out(`${JSON.stringify(PlatformPackSchema.parse(r.pack), null, 2)}\n`);
  return 0;
}

export function registerPack(program: Command): void {
  const pack = program.command('pack').description(t('pack.desc'));
  pack
    .command('dump')
    .description(t('pack.dump.desc'))
    .option('--pack <file>', t('pack.dump.pack'))
    .action((opts: { pack?: string }) => {
      process.exitCode = runPackDump(opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}
