import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { abortError, throwIfAborted } from '../../core/base/abort';
import { dataDir, stateDir } from '../../core/base/node/paths';
import { createHost, serveHost, type Host, type LabAdapter, type MonitorHostOptions, type RunningServer } from '../../host/index';

// Lazy: the Electron main bundle (CommonJS) imports this module and has no import.meta.url.
const root = () => fileURLToPath(new URL('../../../', import.meta.url));

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(root(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The lab reaches the host only through this adapter: the host and the renderer never import
 * src/lab (eslint zone), the entry points (this command, Electron main) inject it. The lab code
 * is loaded on the first start, so a run that never uses it does not pay for it.
 */
export interface LabAdapterOptions {
  stateDir?: string;
  examplesDir?: string;
  /** Tests: 0 = any free SSH ports, and a loopback network (127.10.<n>.x) no other lab uses. */
  sshPortBase?: number;
  pairIndexBase?: number;
}

export function createLabAdapter(opts: LabAdapterOptions = {}): LabAdapter {
  let running: { stop(): Promise<void> } | undefined;
  // Host-side only (the monitor logs in with it); lab.status never carries the password.
  let access: ReturnType<NonNullable<LabAdapter['access']>>;
  return {
    access: () => access,
    async start({ baud, signal, progress }) {
      progress('loading the lab simulator');
      const [{ startLab }, { describeLab }] = await Promise.all([import('../../lab/lab'), import('../../lab/lab-description')]);
      throwIfAborted(signal);
      progress('starting devices A and B');
      const starting = startLab({
        stateDir: opts.stateDir ?? join(stateDir(), 'app-lab'),
        // The lab pair file names 127.0.0.1:2201/2202; any free ports when those are taken.
        sshPortBase: opts.sshPortBase ?? ((await portsFree([2201, 2202])) ? 2201 : 0),
        ...(opts.pairIndexBase !== undefined ? { pairIndexBase: opts.pairIndexBase } : {}),
        console: onPath('socat'), // serial consoles on PTYs need socat
        ...(baud ? { baud } : {}),
      });
      // Cancel answers at once; a lab that still comes up afterwards is stopped, never left running.
      const aborted = new Promise<never>((_, reject) => {
        if (signal.aborted) reject(abortError(signal));
        else signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
      });
      void aborted.catch(() => starting.then((l) => l.stop(), () => {}));
      const lab = await Promise.race([starting, aborted]);
      running = lab;
      const devices = describeLab(lab).devices.map((d) => ({
        key: d.key === 'b' ? ('b' as const) : ('a' as const),
        sysname: d.sysname,
        ssh: { host: d.ssh.host, port: d.ssh.port, username: d.ssh.username },
        ...(d.serial ? { serialPath: d.serial } : {}),
      }));
      const pairText = labPairText(opts.examplesDir ?? join(root(), 'resources', 'examples'), devices);
      const login = describeLab(lab).devices[0]?.ssh;
      access = pairText && login ? { pairText, username: login.username, password: login.password } : undefined;
      return { devices, pairText };
    },
    async stop() {
      const lab = running;
      running = undefined;
      access = undefined;
      await lab?.stop();
    },
  };
}

/** resources/examples/lab.yaml with the SSH ports the lab actually got. */
function labPairText(examplesDir: string, devices: { key: string; ssh: { port: number } }[]): string | undefined {
  try {
    let text = readFileSync(join(examplesDir, 'lab.yaml'), 'utf8');
    // Every occurrence: the header comment names the default ports too, and a first-only replace hit it instead of `connect:`.
    for (const d of devices) text = text.replaceAll(`127.0.0.1:${d.key === 'a' ? 2201 : 2202}`, `127.0.0.1:${d.ssh.port}`);
    return text;
  } catch {
    return undefined;
  }
}

function portsFree(ports: number[]): Promise<boolean> {
  return Promise.all(
    ports.map(
      (port) =>
        new Promise<boolean>((resolve) => {
          const s = createServer();
          s.once('error', () => resolve(false));
          s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
        }),
    ),
  ).then((all) => all.every(Boolean));
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, cmd)));
}

export interface BrowserMode {
  host: Host;
  server: RunningServer;
  close(): Promise<void>;
}

/** The host under Node + the HTTP/WS server: shared by `hotpair serve`, `npm start` and the e2e test. */
export interface BrowserModeOptions {
  port?: number;
  /** false: the host offers no lab pair. */
  lab?: boolean;
  staticDir?: string;
  /** Overrides for tests: where settings and keys live, and how the lab starts. */
  dataDir?: string;
  labOptions?: LabAdapterOptions;
  /** Tests: monitor ports (0 = any free) instead of the settings'. */
  monitor?: MonitorHostOptions;
}

export async function startBrowserMode(opts: BrowserModeOptions = {}): Promise<BrowserMode> {
  const host = createHost({
    version: appVersion(),
    mode: 'browser',
    examplesDir: join(root(), 'resources', 'examples'),
    settingsFile: join(opts.dataDir ?? dataDir(), 'settings.json'),
    keysDir: join(opts.dataDir ?? dataDir(), 'keys'), // the CLI's key store (src/cli/bundle/keystore.ts)
    // known_hosts, transcripts, journals, saved logins: the CLI's data dir unless a test isolates them
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    lab: opts.lab === false ? undefined : createLabAdapter(opts.labOptions),
    monitor: { dbFile: join(opts.dataDir ?? dataDir(), 'monitor.sqlite'), ...opts.monitor },
  });
  const server = await serveHost({ host, port: opts.port ?? 0, staticDir: opts.staticDir ?? join(root(), 'renderer', 'dist') });
  return {
    host,
    server,
    async close() {
      await server.close();
      await host.dispose();
    },
  };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Browser mode: serve the app and its API on 127.0.0.1 with a per-run token')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', '0')
    .option('--no-lab', 'do not offer the built-in lab pair')
    .action(async (o: { port: string; lab: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected 0–65535, got "${o.port}"`);
      const mode = await startBrowserMode({ port, lab: o.lab });
      process.stdout.write(`HotPair browser mode on 127.0.0.1:${mode.server.port}\nOpen: ${mode.server.url}\n(the token in the URL is required; it changes every run) Ctrl-C stops.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await mode.close();
    });
}
