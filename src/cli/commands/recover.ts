/**
 * `hotpair recover <journal>`: finishes the rollback of a run that was killed mid-push. The
 * journal says which lines were applied and which one was in flight; both devices get the undo of
 * those, and are compared with the journal's pre-push copies.
 */
import type { Command } from 'commander';
import type { DeviceKey } from '../../core/model/pair';
import { addConnectOptions, type CliConnectFlags } from '../credentials';
import { EXIT } from './pair';

export function registerRecover(program: Command): void {
  const cmd = program
    .command('recover <journal>')
    .description("finish the rollback of an interrupted run from its journal (see `hotpair journal`)")
    .option('--a <url>', "device A's connect URL (default: as recorded in the journal)")
    .option('--b <url>', "device B's connect URL (default: as recorded in the journal)");
  addConnectOptions(cmd).action(async (file: string, flags: CliConnectFlags & { a?: string; b?: string }) => {
    process.exitCode = await runRecover(file, flags);
  });
}

export async function runRecover(file: string, flags: CliConnectFlags & { a?: string; b?: string }): Promise<number> {
  const { existsSync } = await import('node:fs');
  const { readJournal, JournalFile } = await import('../../core/provision/node/journal-file');
  const { parseConnectUrl } = await import('../../core/model/connect');
  const { recover } = await import('../../core/provision/rollback');
  const { formatJournalSummary, formatRollback } = await import('../../core/provision/format');
  const { openCliSession } = await import('../connect-session');
  if (!existsSync(file)) {
    process.stderr.write(`hotpair: no such journal: ${file}\n`);
    return EXIT.usage;
  }
  const summary = readJournal(file);
  process.stdout.write(formatJournalSummary(file, summary));
  if (!summary.interrupted) {
    process.stdout.write(`This run ended (${summary.outcome}); there is nothing to recover.\n`);
    return EXIT.ok;
  }
  const targets = {} as Record<DeviceKey, ReturnType<typeof parseConnectUrl>>;
  for (const k of ['a', 'b'] as const) {
    const url = flags[k] ?? summary.targets?.[k];
    targets[k] = url === undefined ? { ok: false, message: 'no target in the journal; pass --a/--b' } : parseConnectUrl(url);
    const t = targets[k];
    if (!t.ok) {
      process.stderr.write(`hotpair: device ${k.toUpperCase()}: ${t.message}\n`);
      return EXIT.usage;
    }
  }
  const journal = new JournalFile(file);
  try {
    const r = await recover(summary, {
      open: async (k, signal) => {
        const t = targets[k];
        if (!t.ok) throw new Error(t.message);
        return (await openCliSession(t.target, flags, signal)).session;
      },
      journal,
      emit: (e) => e.kind === 'message' && process.stdout.write(`  ${e.text}\n`),
      timeoutMs: 180_000,
    });
    process.stdout.write(`Rollback:\n${formatRollback(r.rollback)}`);
    process.stdout.write(r.outcome === 'recovered' ? 'Recovered: both devices are back to their configuration before the interrupted push.\n' : 'Recovery INCOMPLETE: see the lines above.\n');
    return r.outcome === 'recovered' ? EXIT.ok : EXIT.rollbackIncomplete;
  } finally {
    journal.close();
  }
}
