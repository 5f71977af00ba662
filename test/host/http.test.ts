import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHost, serveHost, type RunningServer } from '../../src/host/index';
import { fakeLab, tmpWorld } from './fixtures';

let srv: RunningServer;
const lab = fakeLab();

beforeAll(async () => {
  const w = tmpWorld();
  const host = createHost({ version: '1.0.0', mode: 'browser', examplesDir: w.examples, lab: lab.adapter });
  srv = await serveHost({ host, port: 0, staticDir: w.dist });
});
afterAll(() => srv.close());

function post(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${srv.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${srv.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** fetch() normalises paths and forbids some headers; raw requests test what an attacker can send. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode HTTP host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token in the fragment', () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/#token=${srv.token}`);
    expect(srv.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers a good call with a Result envelope', async () => {
    const r = await post('app.info', {});
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await r.json()).toMatchObject({ ok: true, data: { name: 'HotPair', mode: 'browser', labAvailable: true } });
  });

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await post('app.info', {}, { Authorization: '' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect((await post('app.info', {}, { Authorization: `Bearer ${srv.token}x` })).status).toBe(401);
  });

  it('refuses a foreign Origin with 403 even with the right token', async () => {
    const r = await post('app.info', {}, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect((await post('app.info', {}, { Origin: `http://localhost:${srv.port}` })).status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) with 403', async () => {
    const r = await raw('/', { Host: `evil.example:${srv.port}` });
    expect(r.status).toBe(403);
  });

  it('refuses bad input with VALIDATION and the path', async () => {
    const r = await post('pairs.validate', { text: 42 });
    const body = (await r.json()) as { ok: boolean; error: { code: string; details: { issues: { path: string[] }[] } } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.issues[0]!.path).toEqual(['text']);
    const notJson = await post('pairs.validate', '{nope');
    expect(notJson.status).toBe(400);
    const wrongType = await post('app.info', '{}', { 'Content-Type': 'text/plain' });
    expect(wrongType.status).toBe(415);
  });

  it('answers UNSUPPORTED for declared channels without a handler and NOT_FOUND for unknown ones', async () => {
    // This host has no key store, so the bundle channels have no handler.
    expect(await (await post('bundles.verify', { name: 'x.hpb', data: '' })).json()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await (await post('no.such', {})).json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const r = await fetch(`${srv.origin}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(/HotPair test/);
    const policy = r.headers.get('content-security-policy')!;
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect((await raw('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await raw('/../secret.txt')).status).toBe(404);
    expect((await raw('/assets/a.js')).status).toBe(200);
  });

  it('pushes events over /events only to a client holding the token and our origin', async () => {
    const url = `ws://127.0.0.1:${srv.port}/events`;
    const refused = (protocols: string[], headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, protocols, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => {});
      });
    expect(await refused(['hotpair.v1'])).toBe(401);
    expect(await refused(['hotpair.v1', 'token.wrong'])).toBe(401);
    expect(await refused(['hotpair.v1', `token.${srv.token}`], { Origin: 'http://evil.example' })).toBe(403);

    const ws = new WebSocket(url, ['hotpair.v1', `token.${srv.token}`], { headers: { Origin: srv.origin } });
    await new Promise((r) => ws.once('open', r));
    expect(ws.protocol).toBe('hotpair.v1');
    const got: { event: string; payload: { state?: string } }[] = [];
    ws.on('message', (m) => got.push(JSON.parse(String(m))));
    const states = () => got.filter((e) => e.event === 'lab.status').map((e) => e.payload.state);
    const started = post('lab.start', {});
    // Release only once 'starting' has arrived (the host calls the adapter right after it): a fixed
    // sleep raced a loaded machine, releasing before the start began and hanging the test.
    await expect.poll(states).toEqual(['starting']);
    lab.release();
    expect(await (await started).json()).toMatchObject({ ok: true, data: { state: 'running' } });
    await expect.poll(states).toEqual(['starting', 'running']);
    ws.close();
  });
});
