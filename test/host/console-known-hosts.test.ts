import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabHost, type LabHost } from './devices-lab';

/**
 * The console screen connects through the same connector as the wizard and the CLI: opening both
 * lab devices at the same moment on first contact records both keys. Two unserialised rewrites
 * of known_hosts would each start from the empty file, and the second rename would drop the
 * first device's key.
 */
describe('console: first contact with both lab devices at once', () => {
  let h: LabHost;
  beforeAll(async () => {
    h = await startLabHost(247);
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it('records both host keys in known_hosts', async () => {
    const url = (k: 'a' | 'b') => `ssh://admin@127.0.0.1:${h.port[k]}`;
    const first = await Promise.all((['a', 'b'] as const).map((k) => h.call('console.open', { url: url(k), labLogin: true })));
    const fps = first.map((r) => (r.ok ? '' : String(r.error.details?.fingerprint)));
    for (const r of first) expect(r).toMatchObject({ ok: false, error: { code: 'HOST_KEY_UNKNOWN' } });

    const opened = await Promise.all((['a', 'b'] as const).map((k, i) => h.call<{ sessionId: string; prompt: string }>('console.open', { url: url(k), labLogin: true, acceptHostKey: fps[i] })));
    expect(opened.map((r) => (r.ok ? r.data.prompt : r.error.message))).toEqual(['<FW1>', '<FW2>']);

    const known = readFileSync(join(h.dir, 'data', 'known_hosts'), 'utf8');
    expect(known).toContain(`[127.0.0.1]:${h.port.a} `);
    expect(known).toContain(`[127.0.0.1]:${h.port.b} `);
    const listed = await h.call<{ hosts: { port: number; fingerprint: string }[] }>('settings.knownHosts', {});
    expect(listed.ok && listed.data.hosts.map((x) => [x.port, x.fingerprint]).sort()).toEqual(
      [
        [h.port.a, fps[0]],
        [h.port.b, fps[1]],
      ].sort(),
    );
    for (const r of opened) if (r.ok) await h.call('console.close', { sessionId: r.data.sessionId });
  }, 30_000);
});
