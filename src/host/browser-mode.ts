import { join } from 'node:path';
import { dataDir } from '../core/base/node/paths';
import { PRODUCT_VERSION } from '../core/base/product';
import { appRoot } from './app-root';
import { createHost, type Host } from './host';
import { serveHost, type RunningServer } from './http/server';
import { createLabAdapter, type LabAdapterOptions } from './lab-adapter';
import type { MonitorHostOptions } from './types';

export interface BrowserMode {
  host: Host;
  server: RunningServer;
  close(): Promise<void>;
}

/** The host under Node + the HTTP/WS server: shared by `hotpair serve`, `npm start` and the e2e tests. */
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
  const root = appRoot();
  const data = opts.dataDir ?? dataDir();
  const host = createHost({
    version: PRODUCT_VERSION,
    mode: 'browser',
    examplesDir: join(root, 'resources', 'examples'),
    settingsFile: join(data, 'settings.json'),
    keysDir: join(data, 'keys'), // the CLI's key store (src/cli/bundle/keystore.ts)
    // known_hosts, transcripts, journals, saved logins: the CLI's data dir unless a test isolates them
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    lab: opts.lab === false ? undefined : createLabAdapter(opts.labOptions),
    monitor: { dbFile: join(data, 'monitor.sqlite'), ...opts.monitor },
  });
  const server = await serveHost({ host, port: opts.port ?? 0, staticDir: opts.staticDir ?? join(root, 'renderer', 'dist') });
  return {
    host,
    server,
    async close() {
      await server.close();
      await host.dispose();
    },
  };
}
