/**
 * Finds a commissioning run in the journal folder (by run id, id prefix, journal file, or `last`)
 * and the drills that followed it: same pair, started after it and before the pair's next
 * commissioning run. Transcripts are hashed again so the report says whether each is unchanged.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../base/errors';
import { commissioningFromJournal, drillFromJournal } from '../from-journal';
import type { CommissioningRun, DrillReport } from '../model';

export interface JournalRuns {
  runs: (CommissioningRun & { path: string })[];
  drills: DrillReport[];
}

const ms = (iso: string) => Date.parse(iso);

/** Every commissioning run and drill in `<base>/journal`, oldest first. */
export function readJournalRuns(base: string): JournalRuns {
  const dir = join(base, 'journal');
  const out: JournalRuns = { runs: [], drills: [] };
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    const run = commissioningFromJournal(text, f);
    if (run) out.runs.push({ ...run, path });
    else {
      const drill = drillFromJournal(text, f);
      if (drill) out.drills.push(drill);
    }
  }
  out.runs.sort((x, y) => ms(x.startedAt) - ms(y.startedAt));
  out.drills.sort((x, y) => ms(x.startedAt) - ms(y.startedAt));
  return out;
}

/** `last`, a run id (or a unique prefix of at least 6 characters), or a journal file's path or name. */
export function findRun(all: JournalRuns, which: string): CommissioningRun & { path: string } {
  const { runs } = all;
  if (runs.length === 0) throw new AppError('NOT_FOUND', 'No commissioning run in the journal.', { fix: 'Commission a pair first (hotpair pair FILE).', message: { key: 'report.find.none' } });
  if (which === 'last') return runs[runs.length - 1]!;
  const byFile = runs.find((r) => r.path === resolve(which) || r.journal === basename(which));
  if (byFile) return byFile;
  const exact = runs.find((r) => r.runId === which);
  if (exact) return exact;
  const prefixed = which.length >= 6 ? runs.filter((r) => r.runId.startsWith(which)) : [];
  if (prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1) throw new AppError('VALIDATION', `"${which}" names ${prefixed.length} runs.`, { fix: 'Give more of the run id.', message: { key: 'report.find.ambiguous', params: { which, count: prefixed.length } } });
  if (all.drills.some((d) => d.runId === which || d.journal === basename(which)))
    throw new AppError('VALIDATION', `${which} is a drill, not a commissioning run.`, {
      fix: 'Name the commissioning run: its report includes the drills that followed it.',
      message: { key: 'report.find.drill', params: { which } },
    });
  throw new AppError('NOT_FOUND', `No commissioning run "${which}" in the journal.`, {
    fix: 'List the runs with `hotpair journal --json` (runId), or use `last`.',
    message: { key: 'report.find.not-found', params: { which } },
  });
}

/** The drills of the run's pair between its start and the pair's next commissioning run. */
export function drillsAfter(all: JournalRuns, run: CommissioningRun): DrillReport[] {
  const next = all.runs.find((r) => r.pair === run.pair && ms(r.startedAt) > ms(run.startedAt));
  return all.drills.filter((d) => d.pair === run.pair && ms(d.startedAt) > ms(run.startedAt) && (!next || ms(d.startedAt) < ms(next.startedAt)));
}

/** Each transcript's file as it is now against the digest the run recorded. */
export function checkTranscripts(run: CommissioningRun): CommissioningRun {
  const transcripts = run.transcripts.map((t) => {
    let now: 'unchanged' | 'changed' | 'missing';
    try {
      now = createHash('sha256').update(readFileSync(t.file)).digest('hex') === t.sha256 ? 'unchanged' : 'changed';
    } catch {
      now = 'missing';
    }
    return { ...t, now };
  });
  return { ...run, transcripts };
}

export function loadReportRun(base: string, which: string): { run: CommissioningRun; drills: DrillReport[] } {
  const all = readJournalRuns(base);
  const { path: _path, ...run } = findRun(all, which);
  return { run: checkTranscripts(run), drills: drillsAfter(all, run) };
}
