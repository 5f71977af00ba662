/**
 * `/metrics` over HTTP on loopback (127.0.0.1:9464 by default): OpenMetrics unless the scraper
 * asks only for the classic text format. Rendered on each scrape from the live health, so there is
 * no second copy of the state to drift.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_TYPES, type ExpositionFormat, negotiate, renderMetrics } from '../openmetrics';
import type { MonitorService } from '../service';

export const DEFAULT_METRICS = { host: '127.0.0.1', port: 9464 };

export interface MetricsServer {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startMetricsServer(service: Pick<MonitorService, 'health' | 'counters'>, opts: { host?: string; port?: number; onScrape?: (format: ExpositionFormat) => void } = {}): Promise<MetricsServer> {
  const host = opts.host ?? DEFAULT_METRICS.host;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('HotPair monitor: metrics are at /metrics\n');
      return;
    }
    const format = negotiate(req.headers.accept);
    opts.onScrape?.(format);
    const body = renderMetrics(service.health(), service.counters, format);
    res.writeHead(200, { 'content-type': CONTENT_TYPES[format], 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_METRICS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    host,
    port,
    url: `http://${shown}:${port}/metrics`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
