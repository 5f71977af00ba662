import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../src/core/channel/transcript';
import { BATCH_MAX_CHARS, OutputBatcher } from '../../src/host/devices/output-batcher';
import { TypedSecretFilter } from '../../src/host/console/typed-secrets';
import { createHost, serveHost } from '../../src/host/index';
import { csp } from '../../src/host/http/security';

afterEach(() => vi.useRealTimers());

describe('console output batching', () => {
  it('coalesces a burst of chunks per session into one event per window, in order', () => {
    vi.useFakeTimers();
    const out: { sessionId: string; data: string }[] = [];
    const b = new OutputBatcher((sessionId, data) => out.push({ sessionId, data }), 25);
    for (let i = 0; i < 200; i++) b.push('s1', `${i % 10}`);
    b.push('s2', 'other');
    expect(out).toEqual([]); // nothing before the window closes
    vi.advanceTimersByTime(25);
    expect(out).toEqual([
      { sessionId: 's1', data: '0123456789'.repeat(20) },
      { sessionId: 's2', data: 'other' },
    ]);
    expect({ chunks: b.received, events: b.sent }).toEqual({ chunks: 201, events: 2 });
  });

  it('sends a burst larger than the cap at once instead of holding it', () => {
    vi.useFakeTimers();
    const out: string[] = [];
    const b = new OutputBatcher((_id, data) => out.push(data), 25);
    b.push('s', 'x'.repeat(BATCH_MAX_CHARS));
    expect(out).toHaveLength(1);
    b.dispose();
  });
});

describe('typed secrets in the transcript', () => {
  const setup = () => {
    const sink = new MemoryTranscriptSink();
    const rec = new TranscriptRecorder(sink);
    const f = new TypedSecretFilter((s) => rec.addSecret(s));
    const type = (data: string) => rec.record('out', f.typed(data));
    const device = (text: string) => {
      f.sawOutput(text);
      rec.record('in', text);
    };
    return { sink, rec, type, device };
  };

  it('writes *** for what is typed after a Password: prompt, key by key, and redacts a later echo of it', async () => {
    const { sink, rec, type, device } = setup();
    device('<FW1>super 3\r\n Password:');
    for (const ch of 'hunter2!x\x7f\r') type(ch); // a typo erased with backspace
    device('\r\nUser privilege level is 3\r\n<FW1>');
    type('display clock\r');
    device('echo hunter2! by mistake\r\n');
    await rec.close();
    expect(sink.text('out')).toBe('***\rdisplay clock\r');
    expect(JSON.stringify(sink.entries)).not.toContain('hunter2');
  });

  it('passes ordinary typing through, and Ctrl-C abandons a password prompt', async () => {
    const { sink, rec, type, device } = setup();
    type('display version\r');
    device('Password: ');
    type('\x03');
    type('quit\r');
    await rec.close();
    expect(sink.text('out')).toBe('display version\r\x03quit\r');
  });
});

describe('CSP for the console (browser mode)', () => {
  it('serves index.html with a fresh style nonce in the header and the page, never unsafe-inline', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hp-csp-'));
    const dist = join(root, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="style-src 'self' 'nonce-{{style-nonce}}'"><meta name="hotpair-style-nonce" content="{{style-nonce}}">`);
    const host = createHost({ version: '1', mode: 'browser', examplesDir: root, dataDir: root });
    const server = await serveHost({ host, port: 0, staticDir: dist });
    try {
      const load = async () => {
        const r = await fetch(`${server.origin}/`);
        return { header: r.headers.get('content-security-policy') ?? '', body: await r.text(), cache: r.headers.get('cache-control') };
      };
      const one = await load();
      const two = await load();
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(one.header)?.[1];
      expect(nonce).toBeTruthy();
      expect(one.header).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(one.body).toContain(`content="${nonce}"`);
      expect(one.body).toContain(`'nonce-${nonce}'`);
      expect(one.body).not.toContain('{{style-nonce}}');
      expect(one.cache).toBe('no-store');
      expect(two.header).not.toContain(nonce!);
      expect(one.header).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp(1)).toContain("style-src 'self';");
    } finally {
      await server.close();
      await host.dispose();
    }
  });
});

describe('CSP for the console (Electron)', () => {
  it('writes the run\'s style nonce into the page that APP_CSP names, and nothing looser', async () => {
    const { serveApp } = await import('../../electron/main/protocol');
    const { APP_CSP, STYLE_NONCE } = await import('../../electron/main/security');
    const dist = mkdtempSync(join(tmpdir(), 'hp-csp-electron-'));
    writeFileSync(join(dist, 'index.html'), `<meta name="hotpair-style-nonce" content="{{style-nonce}}">`);
    writeFileSync(join(dist, 'a.js'), 'x{{style-nonce}}');
    let handler: ((r: Request) => Promise<Response>) | undefined;
    serveApp({ handle: (_scheme: string, h: (r: Request) => Promise<Response>) => void (handler = h) } as never, dist);
    const page = await handler!({ url: 'app://hotpair/index.html' } as Request);
    expect(await page.text()).toBe(`<meta name="hotpair-style-nonce" content="${STYLE_NONCE}">`);
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain(`style-src 'self' 'nonce-${STYLE_NONCE}'`);
    expect(STYLE_NONCE).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    // only the page is rewritten
    expect(await (await handler!({ url: 'app://hotpair/a.js' } as Request)).text()).toBe('x{{style-nonce}}');
  });
});
