import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../src/host/browser-mode';
import type { LabAdapterOptions } from '../../src/host/lab-adapter';
import { buildRenderer, launchChromium } from './harness';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RunOptions {
  /** Names the run's temp dir (hotpair-e2e-NAME-…), to tell whose leftovers are whose. */
  name: string;
  /** The whole set-up's limit: renderer build, chromium, host, lab and whatever `ready` adds. */
  timeout: number;
  /** Screenshots land in test-results/e2e, the two-language ones in test-results/e2e/i18n. */
  shots?: 'e2e' | 'i18n';
  /**
   * The host's data dir also as HOTPAIR_DATA_DIR, for what core reads from the environment
   * (known_hosts, transcripts, journals, keys): this run's only, as the host runs in this process.
   */
  isolateDataDir?: boolean;
}

export interface PageOptions {
  /** 800 (the size the screens are checked at) unless a flow needs more of the page in view. */
  height?: number;
  acceptDownloads?: boolean;
  /** So a missing element fails its own step, named, well inside the test timeout. */
  defaultTimeout?: number;
  /** Scripts run in the page before the app's own. */
  initScripts?: string[];
  /** Keep the WebSocket frames the page receives in `frames`, as "URL payload". */
  recordFrames?: boolean;
}

export interface AppStartOptions {
  /** The lab's loopback network: each e2e file has its own, so files can run side by side. */
  pairIndexBase: number;
  /** A folder of the run's own for this host's data and lab (several hosts in one run). */
  under?: string;
  lab?: Pick<LabAdapterOptions, 'pack'>;
  /** Monitor receivers on any free ports (other runs may hold 5514/9464), polling every second. */
  monitor?: boolean;
}

/** The host's answer, or an error naming the channel. */
export async function invoke<T>(mode: BrowserMode, channel: string, input: unknown = {}): Promise<T> {
  const r = await mode.host.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

/**
 * A renderer build of the file's own (so no test races someone serving renderer/dist) and Debian's
 * chromium; hosts in browser mode started on it, each page watched for console and script errors.
 */
export class ChromiumRun {
  readonly shots: string;
  /** Console errors (CSP violations among them) and script errors of every page: a run expects none. */
  readonly problems: string[] = [];
  readonly frames: string[] = [];
  /** How long the renderer build took. */
  buildMs = 0;
  private dir?: string;
  private chromium?: Browser;
  private readonly modes: BrowserMode[] = [];

  constructor(protected readonly opts: RunOptions) {
    this.shots = join(root, 'test-results', 'e2e', ...(opts.shots === 'i18n' ? ['i18n'] : []));
  }

  get work(): string {
    if (!this.dir) throw new Error('e2e: the run is not set up yet');
    return this.dir;
  }

  get browser(): Browser {
    if (!this.chromium) throw new Error('e2e: chromium is not launched yet');
    return this.chromium;
  }

  async open(): Promise<void> {
    mkdirSync(this.shots, { recursive: true });
    this.dir = mkdtempSync(join(tmpdir(), `hotpair-e2e-${this.opts.name}-`));
    if (this.opts.isolateDataDir) process.env.HOTPAIR_DATA_DIR = join(this.dir, 'data');
    const t0 = Date.now();
    await buildRenderer(join(this.dir, 'dist'));
    this.buildMs = Date.now() - t0;
    this.chromium = await launchChromium();
  }

  /** Browser mode on the run's build with a lab of its own; closed with the run. */
  async startApp(o: AppStartOptions): Promise<BrowserMode> {
    const dir = o.under ? join(this.work, o.under) : this.work;
    const mode = await startBrowserMode({
      port: 0,
      staticDir: join(this.work, 'dist'),
      dataDir: join(dir, 'data'),
      labOptions: { stateDir: join(dir, 'lab'), sshPortBase: 0, pairIndexBase: o.pairIndexBase, ...o.lab },
      ...(o.monitor ? { monitor: { syslogPort: 0, metricsPort: 0 } } : {}),
    });
    this.modes.push(mode);
    if (o.monitor) await invoke(mode, 'settings.set', { monitorIntervalSeconds: 1 });
    return mode;
  }

  async newPage(o: PageOptions = {}): Promise<Page> {
    const page = await this.browser.newPage({ viewport: { width: 1280, height: o.height ?? 800 }, ...(o.acceptDownloads ? { acceptDownloads: true } : {}) });
    if (o.defaultTimeout) page.setDefaultTimeout(o.defaultTimeout);
    for (const content of o.initScripts ?? []) await page.addInitScript({ content });
    page.on('console', (m) => m.type() === 'error' && this.problems.push(m.text()));
    page.on('pageerror', (e) => this.problems.push(e.message));
    if (o.recordFrames) page.on('websocket', (ws) => ws.on('framereceived', (f) => this.frames.push(`${ws.url()} ${String(f.payload)}`)));
    return page;
  }

  /** Chromium first, so no page holds a socket the hosts wait on; each host stops its lab (devices, consoles) with it. */
  async close(): Promise<void> {
    await this.chromium?.close();
    await Promise.all(this.modes.map((m) => m.close()));
  }
}

/** A file whose tests start their own hosts and pages on one build and one chromium. */
export function chromiumRun(opts: RunOptions): ChromiumRun {
  const run = new ChromiumRun(opts);
  beforeAll(() => run.open(), opts.timeout);
  afterAll(() => run.close());
  return run;
}

export interface AppOptions extends RunOptions, PageOptions, Omit<AppStartOptions, 'under'> {
  /** Fills the data dir before the host opens it (a monitor's stored history). */
  seed?: (dataDir: string) => void;
  /** The lab pair started before the first test. */
  labStarted?: boolean;
  /** The rest of the set-up, with the host and the page at hand. */
  ready?: (app: AppInChromium) => Promise<void>;
}

/** One host in browser mode with its lab, and one page on it: what most e2e files test. */
export class AppInChromium extends ChromiumRun {
  private started?: { mode: BrowserMode; page: Page };

  get mode(): BrowserMode {
    return this.live.mode;
  }

  get page(): Page {
    return this.live.page;
  }

  get dataDir(): string {
    return join(this.work, 'data');
  }

  get labDir(): string {
    return join(this.work, 'lab');
  }

  invoke<T>(channel: string, input: unknown = {}): Promise<T> {
    return invoke<T>(this.mode, channel, input);
  }

  async openApp(o: AppOptions): Promise<void> {
    await this.open();
    o.seed?.(this.dataDir);
    const mode = await this.startApp(o);
    this.started = { mode, page: await this.newPage(o) };
    if (o.labStarted) await this.invoke('lab.start');
    await o.ready?.(this);
  }

  private get live(): { mode: BrowserMode; page: Page } {
    if (!this.started) throw new Error('e2e: the app is not started yet');
    return this.started;
  }
}

/**
 * Registers the set-up and the teardown of one app in chromium for the file. The fields are there
 * from the first test on; the screenshots folder, `problems` and `frames` at once.
 */
export function appInChromium(opts: AppOptions): AppInChromium {
  const app = new AppInChromium(opts);
  beforeAll(() => app.openApp(opts), opts.timeout);
  afterAll(() => app.close());
  return app;
}
