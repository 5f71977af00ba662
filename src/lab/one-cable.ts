import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pidAlive, readState } from './state-dir';

/**
 * One console cable for the whole lab: a stable port name in the state dir (`console`, as an
 * engineer's USB adapter is /dev/ttyUSB0) that is a symlink to the PTY of device A's or device
 * B's console, or absent while the cable hangs loose. Moving it removes the name, waits as long as
 * hands take, and makes it again pointing at the other PTY: a program watching the name sees the
 * port go away and come back, as an adapter unplugged and plugged in again. Each device's own
 * console stays where it was (still logged in, as a real console is when the cable is pulled).
 *
 * Everything lives in the state dir, so `hotpair lab cable` in another shell moves the cable of a
 * running lab without talking to it, and the lab's API does the same in-process.
 */
export type CableEnd = 'a' | 'b' | 'none';

export const CABLE_PORT = 'console';
const CABLE_FILE = 'cable.json';
/** How long the port stays away during a move: long enough for a 300 ms presence poll to see it. */
export const DEFAULT_CABLE_GAP_MS = 800;

export interface CableState {
  /** The port an engineer opens. */
  path: string;
  at: CableEnd;
  /** Each device's console PTY, what the port points at while plugged into it. */
  ends: Record<'a' | 'b', string>;
}

export const cablePath = (stateDir: string): string => join(stateDir, CABLE_PORT);

export function readCable(stateDir: string): CableState | undefined {
  try {
    return JSON.parse(readFileSync(join(stateDir, CABLE_FILE), 'utf8')) as CableState;
  } catch {
    return undefined;
  }
}

function writeCable(stateDir: string, s: CableState): void {
  writeFileSync(join(stateDir, CABLE_FILE), `${JSON.stringify(s)}\n`, { mode: 0o600 });
}

export function isCableEnd(s: string): s is CableEnd {
  return s === 'a' || s === 'b' || s === 'none';
}

/** Sets the cable up for a lab whose consoles run (`<key>.console` in the state dir), plugged into `at`. */
export function layCable(stateDir: string, consoles: Record<'a' | 'b', string>, at: CableEnd): CableState {
  const s: CableState = { path: cablePath(stateDir), at: 'none', ends: { a: realpathSync(consoles.a), b: realpathSync(consoles.b) } };
  rmSync(s.path, { force: true });
  writeCable(stateDir, s);
  return plug(stateDir, s, at);
}

function plug(stateDir: string, s: CableState, at: CableEnd): CableState {
  if (at !== 'none') symlinkSync(s.ends[at], s.path);
  const next = { ...s, at };
  writeCable(stateDir, next);
  return next;
}

/** Where the cable is now, read from the port itself (the file could be stale after a crash). */
export function cableEnd(s: CableState): CableEnd {
  let target: string;
  try {
    target = readlinkSync(s.path);
  } catch {
    return 'none';
  }
  return target === s.ends.a ? 'a' : target === s.ends.b ? 'b' : 'none';
}

/**
 * Moves the cable: unplugged first (the port name disappears), `gapMs` later plugged into `to`.
 * Resolves to a one-line account. Moving to where it already is still unplugs and replugs it,
 * as an engineer who pulls the cable and pushes it back in.
 */
export async function moveCable(stateDir: string, to: CableEnd, gapMs = DEFAULT_CABLE_GAP_MS): Promise<string> {
  const s = readCable(stateDir);
  if (!s) throw new Error(`the lab in ${stateDir} has no single console cable (start it with: hotpair lab --one-cable)`);
  const from = cableEnd(s);
  rmSync(s.path, { force: true });
  writeCable(stateDir, { ...s, at: 'none' });
  if (to === 'none') return `console cable unplugged${from !== 'none' ? ` from device ${from.toUpperCase()}` : ''} (${s.path} is gone)`;
  if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
  plug(stateDir, s, to);
  return `console cable moved ${from === 'none' ? 'in' : `from device ${from.toUpperCase()}`} to device ${to.toUpperCase()} (${s.path})`;
}

/** `hotpair lab cable`: the running lab of this state dir must be alive and laid out with one cable. */
export async function moveRunningLabCable(stateDir: string, to: string, gapMs?: number): Promise<string> {
  if (!isCableEnd(to)) throw new Error(`the cable goes to a, b or none, not ${to}`);
  const st = readState(stateDir);
  if (!st || !pidAlive(st.pid)) throw new Error(`no running lab found in ${stateDir} (start one with: hotpair lab --one-cable)`);
  if (!readCable(stateDir) || !existsSync(join(stateDir, 'a.console'))) throw new Error(`the lab in ${stateDir} (pid ${st.pid}) was not started with --one-cable`);
  return moveCable(stateDir, to, gapMs);
}

/** On the lab's stop: the port and its record go with it. */
export function removeCable(stateDir: string): void {
  rmSync(cablePath(stateDir), { force: true });
  rmSync(join(stateDir, CABLE_FILE), { force: true });
}
