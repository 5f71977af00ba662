/** `hotpair journal [<pair>]`: past and interrupted commissioning runs, newest first. */
import type { Command } from 'commander';
import { t } from '../i18n';

export function registerJournal(program: Command): void {
  program
    .command('journal [pair]')
    .description(t('journal.desc'))
    .option('--json', t('journal.json'))
    .action(async (pair: string | undefined, o: { json?: boolean }) => {
      const { listJournals } = await import('../../core/provision/node/journal-file');
      const { dataDir } = await import('../../core/base/node/paths');
      const { formatJournalSummary } = await import('../../core/provision/format');
      const { cliCore } = await import('../../i18n/node/cli-core');
      const tr = cliCore();
      const runs = listJournals(dataDir(), pair);
      if (o.json) {
        // Pre-push copies are whole configurations: left out of the listing.
        process.stdout.write(`${JSON.stringify(runs.map((r) => ({ path: r.path, ...r.summary, preConfig: undefined })), null, 2)}\n`);
        return;
      }
      if (runs.length === 0) {
        process.stdout.write(`${t('journal.none', { pair: pair || 'none', dir: dataDir() })}\n`);
        return;
      }
      process.stdout.write(runs.map((r) => formatJournalSummary(r.path, r.summary, tr)).join('\n'));
    });
}
