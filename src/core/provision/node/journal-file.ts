import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DeviceKey } from '../../model/pair';
import { summarizeJournal, type JournalRecord, type JournalSummary } from '../journal';

/**
 * Append-only journal file. Each record is one write(2) of one line followed by fsync, so a
 * SIGKILL or power loss can at worst tear the last line (which the reader counts and skips).
 */
export class JournalFile {
  private fd: number | undefined;
  constructor(readonly path: string) {}

  append(record: JournalRecord): void {
    if (this.fd === undefined) this.fd = openSync(this.path, 'a', 0o600);
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.fd);
  }

  /**
   * Writes `bytes` to `<journal name>.<name>` in the journal's folder, synced before the journal
   * names it, so a record never points at a file that a power loss could have left empty.
   */
  keep(name: string, bytes: Uint8Array): { file: string; sha256: string } {
    const file = `${basename(this.path).replace(/\.jsonl$/, '')}.${name}`;
    const fd = openSync(join(dirname(this.path), file), 'w', 0o600);
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return { file, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Hashes a closed session's transcript; one that cannot be read (memory, removed) is not named. */
  transcript(device: DeviceKey, file: string): void {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return;
    }
    this.append({ type: 'transcript', device, file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, time: new Date().toISOString() });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Where a journal's kept file is (`file` as its saved-config record names it). */
export function keptFilePath(journalPath: string, file: string): string {
  return join(dirname(journalPath), basename(file));
}

export function journalDir(base: string): string {
  const d = join(base, 'journal');
  mkdirSync(d, { recursive: true, mode: 0o700 });
  return d;
}

export function newJournalPath(base: string, pair: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join(journalDir(base), `${pair}-${stamp}.jsonl`);
}

export function readJournal(path: string): JournalSummary {
  return summarizeJournal(readFileSync(path, 'utf8'));
}

/**
 * Whether a journal file name is a run of `pair`: the name followed by the timestamp newJournalPath
 * writes. A bare prefix test would list pair "site-1"'s runs under pair "site" too.
 */
export function isRunOf(file: string, pair: string): boolean {
  return file.startsWith(`${pair}-`) && /^\d{4}-\d\d-\d\dT[\d-]+Z\.jsonl$/.test(file.slice(pair.length + 1));
}

export function listJournals(base: string, pair?: string): { path: string; mtime: Date; summary: JournalSummary }[] {
  const d = join(base, 'journal');
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => f.endsWith('.jsonl') && (!pair || isRunOf(f, pair)))
    .map((f) => join(d, f))
    .map((path) => ({ path, mtime: statSync(path).mtime, summary: readJournal(path) }))
    .sort((x, y) => y.mtime.getTime() - x.mtime.getTime());
}
