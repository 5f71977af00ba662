import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMetricsServer } from '../../../src/core/monitor/node/metrics-server';
import { MonitorService } from '../../../src/core/monitor/service';
import { config, log, poll, T0 } from './fixtures';

function service() {
  const s = new MonitorService(config(), [{ name: 'lab' }]);
  s.observe(poll('a', T0, {}, 'lab'));
  s.observe(poll('b', T0, { role: 'secondary', runningStatus: 'Standby' }, 'lab'));
  s.observe(log('b', T0 + 1000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }, undefined, 'lab'));
  return s;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('metrics endpoint', () => {
  it('serves OpenMetrics at /metrics (classic text when asked), 404 elsewhere', async () => {
    const m = await startMetricsServer(service(), { host: '127.0.0.1', port: 0 });
    try {
      const om = await fetch(m.url, { headers: { accept: 'application/openmetrics-text; version=1.0.0' } });
      expect(om.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
      const body = await om.text();
      expect(body.endsWith('# EOF\n')).toBe(true);
      expect(body).toContain('hotpair_switchovers_total{pair="lab",device="b"} 1');
      const plain = await fetch(m.url, { headers: { accept: 'text/plain' } });
      expect(plain.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await plain.text()).not.toContain('# EOF');
      expect((await fetch(m.url.replace('/metrics', '/'))).status).toBe(404);
    } finally {
      await m.close();
    }
  });

  it('is scraped by a real Prometheus on loopback (OpenMetrics negotiated) and queryable', async () => {
    const formats: string[] = [];
    const m = await startMetricsServer(service(), { host: '127.0.0.1', port: 0, onScrape: (f) => formats.push(f) });
    const dir = mkdtempSync(join(tmpdir(), 'hotpair-prom-'));
    const webPort = await freePort();
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n  - job_name: hotpair\n    static_configs:\n      - targets: ['127.0.0.1:${m.port}']\n`,
    );
    const prom = spawn(
      'prometheus',
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${webPort}`, '--log.level=warn'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    prom.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const query = async (q: string) => {
      const r = await fetch(`http://127.0.0.1:${webPort}/api/v1/query?query=${encodeURIComponent(q)}`);
      return (await r.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    };
    try {
      const deadline = Date.now() + 25_000;
      let up: string | undefined;
      let running: { metric: Record<string, string>; value: [number, string] }[] = [];
      while (Date.now() < deadline) {
        try {
          const u = await query('up{job="hotpair"}');
          up = u.data.result[0]?.value[1];
          running = (await query('hotpair_running_status{status="Active"} == 1')).data.result;
          if (up === '1' && running.length > 0) break;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(up, `prometheus stderr: ${stderr}`).toBe('1');
      expect(running.map((r) => r.metric.device).sort()).toEqual(['a', 'b']);
      const sw = (await query('hotpair_switchovers_total{device="b"}')).data.result;
      expect(sw[0]?.value[1]).toBe('1');
      // Prometheus parsed what it asked for: OpenMetrics (a parse failure would have made up 0).
      expect(formats.length).toBeGreaterThan(0);
      expect(new Set(formats)).toEqual(new Set(['openmetrics']));
    } finally {
      prom.kill('SIGTERM');
      await new Promise((r) => prom.once('exit', r));
      await m.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
