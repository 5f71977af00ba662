import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OutputBatcher } from '../../src/host/devices/output-batcher';
import { PASSWORD, startLabHost, type LabHost } from './devices-lab';

// devices.* against the lab pair over real SSH: the host-key dialog's flow, a changed key refused
// with both fingerprints, discovery of both with the comparison, and no password anywhere.
describe('devices.* on the lab pair', () => {
  let h: LabHost;
  beforeAll(async () => {
    h = await startLabHost(240);
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });
  const url = (k: 'a' | 'b') => `ssh://admin@127.0.0.1:${h.port[k]}`;

  it('asks about a first-seen host key, accepts exactly the confirmed fingerprint, then connects', async () => {
    const first = await h.call('devices.connect', { device: 'a', url: url('a'), password: PASSWORD });
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error.code).toBe('HOST_KEY_UNKNOWN');
    const fp = String(first.error.details?.fingerprint);
    expect(fp).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(first.error.message).toContain(fp);
    expect(first.error.fix).toMatch(/Compare the fingerprint/);

    // A different "confirmed" key is refused and nothing is recorded.
    const other = `SHA256:${'A'.repeat(43)}`;
    const wrong = await h.call('devices.connect', { device: 'a', url: url('a'), password: PASSWORD, acceptHostKey: other });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toMatch(/different key/);
    const known = join(h.dir, 'data', 'known_hosts');
    expect(() => readFileSync(known, 'utf8')).toThrow();

    const ok = await h.call<{ fingerprint: string; prompt: string; sysname: string; kind: string }>('devices.connect', { device: 'a', url: url('a'), password: PASSWORD, acceptHostKey: fp });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.data).toMatchObject({ kind: 'ssh', fingerprint: fp, sysname: 'FW1' });
    expect(ok.data.prompt).toMatch(/FW1/);
    expect(readFileSync(known, 'utf8')).toContain(`[127.0.0.1]:${h.port.a}`);
    // Second contact: known key, no question.
    await h.call('devices.disconnect', { device: 'a' });
    const again = await h.call('devices.connect', { device: 'a', url: url('a'), password: PASSWORD });
    expect(again.ok).toBe(true);
  });

  it('refuses a wrong password with AUTH_FAILED and a fix', async () => {
    await h.connect('b');
    const r = await h.call('devices.connect', { device: 'b', url: url('b'), password: 'not-the-password' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('AUTH_FAILED');
      expect(r.error.fix).toBeTruthy();
    }
    await h.connect('b');
  });

  it('refuses a changed host key loudly, naming both fingerprints', async () => {
    const known = join(h.dir, 'data', 'known_hosts');
    const saved = readFileSync(known, 'utf8');
    // Another key recorded for B's address: what a replaced (or impersonated) device looks like.
    const fake = 'AAAAC3NzaC1lZDI1NTE5AAAAIBm2wpmVYdpDAT8VcVdEeN2iFbAJtUT7Y6mC3IsCQkMb';
    writeFileSync(known, saved.split('\n').filter((l) => !l.startsWith(`[127.0.0.1]:${h.port.b}`)).join('\n') + `\n[127.0.0.1]:${h.port.b} ssh-ed25519 ${fake}\n`);
    try {
      const r = await h.call('devices.connect', { device: 'b', url: url('b'), password: PASSWORD });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('HOST_KEY_MISMATCH');
      expect(r.error.message).toMatch(/CHANGED/);
      const { expected, presented } = r.error.details as { expected: string; presented: string };
      expect(expected).not.toBe(presented);
      expect(r.error.message).toContain(expected);
      expect(r.error.message).toContain(presented);
      expect(r.error.fix).toMatch(/known hosts/);
    } finally {
      writeFileSync(known, saved);
    }
    await h.connect('b');
  });

  it('discovers both side by side and compares them', async () => {
    const r = await h.call<{ facts: { a: { sysname: string; model: string; interfaces: unknown[] }; b: { sysname: string } }; mismatches: { field: string }[] }>('devices.discover', { opId: 'op-discover-1' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.facts.a.sysname).toBe('FW1');
    expect(r.data.facts.b.sysname).toBe('FW2');
    expect(r.data.facts.a.interfaces.length).toBeGreaterThan(2);
    expect(Array.isArray(r.data.mismatches)).toBe(true);
    const steps = h.events.flatMap((e) => (e.event === 'op.progress' && e.payload.opId === 'op-discover-1' ? [e.payload.step] : []));
    expect(steps.some((s) => /device A: 1\/8 display version/.test(s))).toBe(true);
  });

  it('streams device text in batches, and never a password (events, transcripts)', async () => {
    // The wizard's output leaves in 100 ms batches and the tests above can all finish within one.
    const out = await vi.waitFor(() => {
      const got = h.events.filter((e) => e.event === 'devices.output');
      expect(got.length).toBeGreaterThan(0);
      return got;
    }, { timeout: 2_000, interval: 20 });
    expect(out.map((e) => (e.payload as { data: string }).data).join('')).toMatch(/<FW1>/);
    expect(JSON.stringify(h.events)).not.toContain(PASSWORD);
    const dir = join(h.dir, 'data', 'transcripts');
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(PASSWORD);
  });

  it.skipIf(!existsSync('/usr/bin/socat'))('connects over the serial console with auto-baud and reports the speed it chose', async () => {
    expect(h.serial.a).toBeTruthy();
    const r = await h.call<{ kind: string; baud: number; autoBaud: boolean; sysname: string }>('devices.connect', { opId: 'op-serial-a1', device: 'a', url: `serial://${h.serial.a}?baud=auto`, username: 'admin', password: PASSWORD });
    expect(r.ok ? r.data : r.error).toMatchObject({ kind: 'serial', autoBaud: true, sysname: 'FW1' });
    if (r.ok) expect([9600, 19200, 38400, 57600, 115200]).toContain(r.data.baud);
    const steps = h.events.flatMap((e) => (e.event === 'op.progress' && e.payload.opId === 'op-serial-a1' ? [e.payload.step] : []));
    expect(steps.some((s) => /auto-baud: using \d+ baud/.test(s))).toBe(true);
    expect((await h.call<{ ports: unknown[] }>('devices.listPorts', {})).ok).toBe(true);
  }, 30_000);

  it('reports unknown URLs and missing credentials with a fix, before any connection', async () => {
    const bad = await h.call('devices.connect', { device: 'a', url: 'telnet://x', password: 'x' });
    expect(bad.ok === false && bad.error.code === 'VALIDATION' && /ssh:\/\//.test(bad.error.fix ?? '')).toBe(true);
    // Not a lab device: no password, no key file → said before any connection is tried.
    const nopw = await h.call('devices.connect', { device: 'a', url: 'ssh://admin@127.0.0.1:1' });
    expect(nopw.ok === false && nopw.error.code === 'VALIDATION' && /password/i.test(nopw.error.message)).toBe(true);
  });

  it('cancels a connection that hangs (a port that never speaks SSH) at once, with CANCELLED', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((s) => void sockets.add(s)); // accepts, then says nothing
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as AddressInfo).port;
    try {
      const opId = 'op-connect-hang-1';
      const t0 = Date.now();
      const connecting = h.call('devices.connect', { opId, device: 'a', url: `ssh://admin@127.0.0.1:${port}`, password: 'x' });
      await new Promise((r) => setTimeout(r, 300));
      expect((await h.call<{ cancelled: boolean }>('ops.cancel', { opId })).ok).toBe(true);
      const r = await connecting;
      expect(r.ok === false && r.error.code).toBe('CANCELLED');
      expect(Date.now() - t0).toBeLessThan(3000); // the SSH ready timeout is 15 s
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it("logs in to a lab device with the lab's own account when no password is typed", async () => {
    const r = await h.call<{ sysname: string }>('devices.connect', { device: 'b', url: url('b') });
    expect(r.ok && r.data.sysname).toBe('FW2');
  });
});

describe('OutputBatcher', () => {
  it('turns a burst of chunks into one message per device per interval', async () => {
    const sent: [string, string][] = [];
    const b = new OutputBatcher<'a' | 'b'>((d, data) => sent.push([d, data]), 20);
    for (let i = 0; i < 1000; i++) b.push(i % 2 ? 'a' : 'b', 'x');
    expect(sent).toEqual([]);
    await new Promise((r) => setTimeout(r, 40));
    expect(sent.map(([d, s]) => [d, s.length]).sort()).toEqual([
      ['a', 500],
      ['b', 500],
    ]);
  });
});
