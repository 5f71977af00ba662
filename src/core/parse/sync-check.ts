import { cleanLines, kvPairs, quote, type Parsed } from './text';

export interface SyncCheck {
  result?: 'Not Performed' | 'Consistent' | 'Inconsistent';
  /** When the check ran, as printed. */
  time?: string;
  /** Lines that differ: `+` only on the primary, `-` only on the secondary (as the device marks them). */
  differences: string[];
}

function resultIn(text: string): SyncCheck['result'] {
  // "Inconsistent" first: it contains "consistent".
  if (/not\s+(?:(?:been|yet)\s+)*(?:performed|checked|run)|\bnever\b/i.test(text)) return 'Not Performed';
  if (/\binconsistent\b|\bnot consistent\b/i.test(text)) return 'Inconsistent';
  if (/\bconsistent\b/i.test(text)) return 'Consistent';
  return undefined;
}

/**
 * Parse `display remote-backup-group sync-check`. The layout is not documented (vendor CLI notes), so
 * this reads a result from any line that names one, a time from any `...time: ...` pair, and
 * differences from `+`/`-` lines; everything else becomes a warning so the raw text is shown.
 */
export function parseSyncCheck(text: string): Parsed<SyncCheck> {
  const value: SyncCheck = { differences: [] };
  const warnings: string[] = [];
  let any = false;
  for (const line of cleanLines(text)) {
    if (line.trim() === '') continue;
    any = true;
    // "+ <line>": the configuration line keeps its own indentation (` rule 5 …` under its view).
    const diff = /^\s*([+-]) (.*\S.*)$/.exec(line);
    if (diff) {
      value.differences.push(`${diff[1]} ${diff[2] ?? ''}`);
      continue;
    }
    const pairs = kvPairs(line);
    let used = false;
    for (const [key, val] of pairs) {
      if (/result|status/.test(key)) {
        const r = resultIn(val);
        if (r !== undefined) {
          value.result ??= r;
          used = true;
        }
      } else if (/\btime\b/.test(key)) {
        if (val !== '') value.time ??= val;
        used = true;
      } else if (/inconsistent|difference|module/.test(key)) {
        // A section title such as "Inconsistent configuration:"; an inline value is a difference.
        if (val !== '') value.differences.push(val);
        used = true;
      }
    }
    if (used) continue;
    if (pairs.length === 0) {
      if (/not (?:been )?(?:configured|enabled)/i.test(line)) {
        warnings.push('display remote-backup-group sync-check: RBM is not configured');
        return { value, warnings };
      }
      const r = resultIn(line);
      if (r !== undefined) {
        value.result ??= r;
        continue;
      }
    }
    warnings.push(`display remote-backup-group sync-check: unrecognised line ${quote(line)}`);
  }
  if (!any) warnings.push('display remote-backup-group sync-check: empty output');
  else if (value.result === undefined) warnings.push('display remote-backup-group sync-check: no result line');
  return { value, warnings };
}
