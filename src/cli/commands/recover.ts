/**
 * `hotpair recover <journal>`: finishes the rollback of a run that was killed mid-push. The
 * journal says which lines were applied and which one was in flight; both devices get the undo of
 * those, and are compared with the journal's pre-push copies.
 */
import type { Command } from 'commander';
import type { DeviceKey } from '../../core/model/pair';
import { addConnectOptions, type CliConnectFlags, type TargetFlags } from '../credentials';
import { EXIT } from './pair';
import type { OneCableFlags } from './pair-one-cable';
import { t } from '../i18n';
import { cliProgress } from '../../i18n/node/cli-core';

export function registerRecover(program: Command): void {
  const cmd = program
    .command('recover <journal>')
    .description(t('recover.desc'))
    .option('--console <URL>', t('recover.console'))
    .option('--yes', t('recover.yes'))
    .option('--json', t('recover.json'))
    .option('--verify-timeout <seconds>', t('recover.verifyTimeout'));
  addConnectOptions(cmd, 'journal').action(async (file: string, flags: CliConnectFlags & TargetFlags & OneCableFlags) => {
    process.exitCode = await runRecover(file, flags);
  });
}

export async function runRecover(file: string, flags: CliConnectFlags & TargetFlags & OneCableFlags): Promise<number> {
  const { existsSync } = await import('node:fs');
  const { readJournal, JournalFile } = await import('../../core/provision/node/journal-file');
  const { recover } = await import('../../core/provision/rollback');
  const { formatJournalSummary, formatRollback } = await import('../../core/provision/format');
  const { cliCore } = await import('../../i18n/node/cli-core');
  const tr = cliCore();
  const { pairOpener } = await import('../connect-session');
  if (!existsSync(file)) {
    process.stderr.write(`${t('recover.noJournal', { file })}\n`);
    return EXIT.usage;
  }
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(file, 'utf8');
  if (text.includes('"mode":"one-cable"')) {
    const { recoverOneCable } = await import('./pair-one-cable');
    return recoverOneCable(file, text, flags);
  }
  const summary = readJournal(file);
  process.stdout.write(formatJournalSummary(file, summary, tr));
  if (!summary.interrupted) {
    process.stdout.write(`${t('recover.ended', { outcome: String(summary.outcome) })}\n`);
    return EXIT.ok;
  }
  const recorded = (k: DeviceKey) => (summary.targets?.[k] !== undefined ? { connect: summary.targets[k] } : {});
  let open;
  try {
    open = pairOpener({ a: recorded('a'), b: recorded('b') }, flags);
  } catch (e) {
    process.stderr.write(`${t('error', { message: (e as Error).message })}\n`);
    return EXIT.usage;
  }
  const journal = new JournalFile(file);
  try {
    const r = await recover(summary, {
      open: async (k, signal) => (await open(k, signal)).session,
      journal,
      emit: (e) => e.kind === 'message' && process.stdout.write(`  ${cliProgress(e)}\n`),
      timeoutMs: 180_000,
    });
    process.stdout.write(`${t('run.rollback')}\n${formatRollback(r.rollback, tr)}`);
    process.stdout.write(`${t(r.outcome === 'recovered' ? 'recover.recovered' : 'recover.incomplete')}\n`);
    return r.outcome === 'recovered' ? EXIT.ok : EXIT.rollbackIncomplete;
  } finally {
    journal.close();
  }
}
