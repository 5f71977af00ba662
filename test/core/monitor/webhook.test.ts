import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Webhook, type WebhookPayload } from '../../../src/core/monitor/node/webhook';
import type { MonitorEvent } from '../../../src/core/monitor/types';

const alert: MonitorEvent = { id: 'r-1', rev: 0, pair: 'p1', time: 1, kind: 'alert', rule: 'unexpected-switchover', severity: 'critical', message: 'FW2 took over', device: 'b', cause: 'Peer lost' };

async function server(statuses: number[]) {
  const bodies: WebhookPayload[] = [];
  const srv = http.createServer((req, res) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', () => {
      bodies.push(JSON.parse(b) as WebhookPayload);
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`, bodies, close: () => new Promise((r) => srv.close(r)) };
}

describe('alert webhook', () => {
  it('POSTs each new alert as JSON, ignores other events and revisions', async () => {
    const s = await server([]);
    const w = new Webhook({ url: s.url });
    w.send([alert, { ...alert, id: 'r-2', rev: 1 }, { id: 'r-3', rev: 0, pair: 'p1', time: 1, kind: 'device-back', device: 'a', downForMs: 5 }]);
    await w.drain();
    await s.close();
    expect(s.bodies).toEqual([{ source: 'hotpair', alert, text: '[p1] unexpected-switchover: FW2 took over' }]);
  });

  it('retries a 5xx, gives up on a 4xx and reports the error', async () => {
    const s = await server([503, 200, 404]);
    const errors: string[] = [];
    const w = new Webhook({ url: s.url, onError: (e) => errors.push(e.message) });
    w.send([alert]);
    await w.drain();
    w.send([{ ...alert, id: 'r-9' }]);
    await w.drain();
    await s.close();
    expect(s.bodies).toHaveLength(3);
    expect(errors).toEqual(['webhook answered 404']);
  });
});
