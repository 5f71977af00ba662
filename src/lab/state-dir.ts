import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir, type FolderContext } from '../core/base/node/paths';

/**
 * The lab's folder: `lab` in the tool's state folder (HOTPAIR_STATE_DIR, else the platform's), the
 * same whether `hotpair lab` or the app's "Start the lab pair" starts it. Its host keys live here,
 * so each lab device has one SSH identity wherever it is started from, as a real device does.
 */
export function defaultStateDir(c?: FolderContext): string {
  return join(stateDir(c), 'lab');
}

/** What a running lab leaves in its state dir so `hotpair lab fault` can find it. */
export interface LabStateFile {
  pid: number;
  controlPort: number;
  /** Shared secret for the fault socket; the file is 0600, so only this user can inject faults. */
  token: string;
  startedAt: string;
  description: unknown;
}

export const STATE_FILE = 'lab.json';

export function statePath(dir: string): string {
  return join(dir, STATE_FILE);
}

export function readState(dir: string): LabStateFile | undefined {
  try {
    return JSON.parse(readFileSync(statePath(dir), 'utf8')) as LabStateFile;
  } catch {
    return undefined;
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the state dir (0700); refuses when another live lab owns it. */
export function claimStateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const s = readState(dir);
  if (s && s.pid !== process.pid && pidAlive(s.pid)) throw new Error(`a lab is already running from ${dir} (pid ${s.pid}): its devices are up already; stop that lab first, or start this one with another state folder`);
}

export function writeState(dir: string, s: LabStateFile): void {
  const p = statePath(dir);
  writeFileSync(p, `${JSON.stringify(s)}\n`, { mode: 0o600 });
  chmodSync(p, 0o600);
}

export function removeState(dir: string): void {
  const s = readState(dir);
  if (s && s.pid === process.pid && existsSync(statePath(dir))) rmSync(statePath(dir), { force: true });
}
