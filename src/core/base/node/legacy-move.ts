import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The one-time move of a user's files from the folder earlier releases used into the right one.
 * Nothing in the new folder is ever overwritten: a file of the same name there is newer by
 * definition (the app has been writing it), so the old one stays where it is and the note says so.
 * known_hosts is the exception: its trusted keys are merged in, because losing one would make the
 * next connection to that device look like an attack.
 */
export const MOVE_NOTE = 'MOVED-TO-NEW-FOLDER.txt';

export interface MoveReport {
  moved: string[];
  merged: string[];
  /** Kept in the old folder: the new folder already has a file of that name. */
  left: string[];
}

/** SQLite keeps a database in several files; they move together or not at all. */
const SIDECAR = /-(wal|shm|journal)$/;

export function moveLegacyData(from: string, to: string, now = new Date()): MoveReport | undefined {
  try {
    if (resolve(from) === resolve(to) || !existsSync(from) || existsSync(join(from, MOVE_NOTE))) return undefined;
    const report: MoveReport = { moved: [], merged: [], left: [] };
    moveDir(from, to, '', report);
    if (report.moved.length + report.merged.length + report.left.length === 0) return report;
    const note = noteText(from, to, report, now);
    writeFileSync(join(from, MOVE_NOTE), note);
    appendFileSync(join(to, 'MOVED-FROM-OLD-FOLDER.txt'), note);
    return report;
  } catch {
    // A move that cannot finish (permissions, a full disk) must not stop the command the user ran;
    // whatever did not move is still in the old folder, and the next run tries again.
    return undefined;
  }
}

function moveDir(from: string, to: string, rel: string, report: MoveReport): void {
  const entries = readdirSync(join(from, rel), { withFileTypes: true }).filter((e) => !(rel === '' && e.name === MOVE_NOTE));
  // Base files before their sidecars, so a sidecar can follow its database's fate.
  entries.sort((x, y) => Number(SIDECAR.test(x.name)) - Number(SIDECAR.test(y.name)) || x.name.localeCompare(y.name));
  const leftHere = new Set<string>();
  mkdirSync(join(to, rel), { recursive: true, mode: 0o700 });
  for (const e of entries) {
    const name = join(rel, e.name);
    const src = join(from, name);
    const dst = join(to, name);
    const base = e.name.replace(SIDECAR, '');
    if (base !== e.name && leftHere.has(base)) {
      report.left.push(name);
      continue;
    }
    if (!existsSync(dst)) {
      move(src, dst);
      report.moved.push(name);
    } else if (e.isDirectory()) {
      moveDir(from, to, name, report);
    } else if (e.name === 'known_hosts') {
      mergeLines(src, dst);
      rmSync(src);
      report.merged.push(name);
    } else {
      leftHere.add(e.name);
      report.left.push(name);
    }
  }
}

function move(src: string, dst: string): void {
  try {
    renameSync(src, dst);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(src, dst, { recursive: true, preserveTimestamps: true });
    rmSync(src, { recursive: true });
  }
}

/** Appends the old file's lines the new one lacks, keeping the new file's own order. */
function mergeLines(src: string, dst: string): void {
  const have = new Set(readFileSync(dst, 'utf8').split('\n'));
  const extra = readFileSync(src, 'utf8').split('\n').filter((l) => l.trim() !== '' && !have.has(l));
  if (extra.length === 0) return;
  const text = readFileSync(dst, 'utf8');
  writeFileSync(dst, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${extra.join('\n')}\n`, { mode: 0o600 });
}

function noteText(from: string, to: string, r: MoveReport, now: Date): string {
  const list = (title: string, names: string[]) => (names.length ? `${title}:\n${names.map((n) => `  ${n}\n`).join('')}` : '');
  return [
    `${now.toISOString()} HotPair moved your files from\n  ${from}\nto the folder it uses on this system\n  ${to}\n`,
    list('moved', r.moved),
    list('merged into the file already there (trusted host keys)', r.merged),
    list('left here, because the new folder already has a file of that name that HotPair has been using (compare and copy by hand if you need them)', r.left),
  ].join('');
}
