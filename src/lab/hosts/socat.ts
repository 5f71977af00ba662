import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

/** socat creates both PTYs and their links within milliseconds; a loaded CI box gets generous slack. */
export const SOCAT_READY_TIMEOUT_MS = 5_000;
/** How long socat gets to exit on SIGTERM before SIGKILL. */
const SOCAT_EXIT_TIMEOUT_MS = 2_000;

export class SocatMissingError extends Error {
  constructor() {
    super('socat is not installed: the lab console needs it to create the pseudo-terminals (Debian/Ubuntu: apt-get install socat), or start the lab without consoles (hotpair lab --no-console; startLab({ console: false }))');
  }
}

/**
 * Runs socat under a tiny sh watchdog holding our stdin pipe: if the lab process dies without
 * stopping (a crashed test, kill -9), the pipe closes, `read` returns and socat is killed, so no
 * orphaned socat outlives its lab. Exit 127 = socat missing.
 */
const WATCHDOG = 'command -v socat >/dev/null 2>&1 || exit 127; socat "$@" & s=$!; read _; kill $s 2>/dev/null; wait $s';

/**
 * A pair of linked pseudo-terminals made by socat: the engineer's end (`clientPath`, what a serial
 * program opens) and the lab's end (`labPath`). Raw, no echo: the simulated device echoes, as a
 * real console does.
 */
export class PtyPair {
  private child?: ChildProcess;
  private exited?: Promise<void>;

  constructor(
    readonly clientPath: string,
    readonly labPath: string,
  ) {}

  /** Process group of the watchdog and its socat. */
  get processGroup(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    for (const p of [this.clientPath, this.labPath]) rmSync(p, { force: true });
    // detached: its own process group, so stop() can signal the watchdog and socat together.
    const child = spawn('/bin/sh', ['-c', WATCHDOG, 'sh', '-d', '-d', `pty,raw,echo=0,link=${this.clientPath}`, `pty,raw,echo=0,link=${this.labPath}`], {
      stdio: ['pipe', 'ignore', 'pipe'],
      detached: true,
    });
    child.stdin?.on('error', () => undefined);
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const spawnError = new Promise<never>((_, reject) =>
      child.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new SocatMissingError() : e)),
    );
    const ready = (async () => {
      const t0 = Date.now();
      while (!(existsSync(this.clientPath) && existsSync(this.labPath))) {
        if (child.exitCode === 127) throw new SocatMissingError();
        if (child.exitCode !== null) throw new Error(`socat exited (${child.exitCode}): ${stderr.trim()}`);
        if (Date.now() - t0 > SOCAT_READY_TIMEOUT_MS) throw new Error(`socat did not create ${this.clientPath} within ${SOCAT_READY_TIMEOUT_MS} ms: ${stderr.trim()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      await Promise.race([ready, spawnError]);
    } catch (e) {
      await this.stop();
      throw e;
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.stdin?.end(); // the watchdog's `read` returns: it kills socat and exits
      const killer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), SOCAT_EXIT_TIMEOUT_MS);
      await this.exited;
      clearTimeout(killer);
    }
    for (const p of [this.clientPath, this.labPath]) rmSync(p, { force: true });
  }
}

function signalGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, sig);
  } catch {
    // already gone
  }
}
