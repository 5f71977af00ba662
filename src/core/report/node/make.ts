/** One report, the same way for the CLI and the desktop host: load the run and its drills, render, sign. */
import { fingerprint, type SigningKey } from '../../bundle/node/crypto';
import { createI18n, DEFAULT_LANGUAGE, matchLanguage } from '../../../i18n/index';
import { reportLanguage } from '../../../i18n/core-text';
import { renderReportHtml } from '../html';
import type { CommissioningRun, DrillReport } from '../model';
import { loadReportRun } from './load';
import { signReport } from './sign';

export interface MakeReportOptions {
  /** The data folder holding `journal/`. */
  base: string;
  /** `last`, a run id (or prefix), or a journal file. */
  run: string;
  key: SigningKey;
  tool: string;
  now?: Date;
  engineer?: string;
  customer?: string;
  /** The reader's language ("zh-CN"); English when absent or unknown. The page names it in its signed bytes. */
  lang?: string;
}

export interface MadeReport {
  /** The signed file's bytes. */
  bytes: Buffer;
  run: CommissioningRun;
  drills: DrillReport[];
  signer: string;
}

export function makeSignedReport(o: MakeReportOptions): MadeReport {
  const { run, drills } = loadReportRun(o.base, o.run);
  const signer = fingerprint(o.key.publicKeyRaw);
  const html = renderReportHtml({
    run,
    drills,
    generatedAt: (o.now ?? new Date()).toISOString(),
    tool: o.tool,
    signer,
    ...(o.engineer ? { engineer: o.engineer } : {}),
    ...(o.customer ? { customer: o.customer } : {}),
  }, reportLanguage(createI18n(matchLanguage(o.lang) ?? DEFAULT_LANGUAGE)));
  return { bytes: signReport(html, o.key), run, drills, signer };
}

/** The default file name: pair and the run's start, safe on every file system. */
export const reportFileName = (run: CommissioningRun): string => `${run.pair}-${run.startedAt.replace(/[:.]/g, '-')}-report.html`.replace(/[^A-Za-z0-9._-]/g, '_');
