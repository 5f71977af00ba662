import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptToConfigFile } from '../../src/core/bundle/export';
import { comware7 } from '../../src/core/platforms/comware7';
import { renderPairText } from '../../src/core/render/index';
import { ADDRESS_TAKEOVER_MS, DATAPLANE_FILE, type DataPlaneRecord } from '../../src/lab/dataplane';
import { startLab, type Lab } from '../../src/lab/lab';
import { examplePair, fast } from '../workflows/lab-pair';
import { waitFor } from './rbm/helpers';

const NET = 250;
const VIPS = ['192.168.10.1', '203.0.113.1'];
const UPLINK = 'GigabitEthernet1/0/4';

let lab: Lab | undefined;
let dir: string | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** One TCP connect: true when the listener accepted it. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
    s.setTimeout(500, () => done(false));
  });
}

describe('the lab data plane', () => {
  it('maps each virtual IP to a loopback endpoint that answers only on the owner, and records the real outage of a switchover', async () => {
    const pair = examplePair('as-vrrp', (p) => {
      fast(p);
      p.fallback = { enabled: false, delaySeconds: 1 };
    });
    dir = mkdtempSync(join(tmpdir(), 'hotpair-dataplane-'));
    const l = await startLab({ stateDir: dir, sshPortBase: 0, console: false, pairIndexBase: NET, keepalive: { intervalMs: 200, count: 3 }, pair });
    lab = l;
    // Known from the pair file before any device has them, so the description printed at start shows them.
    const mapped = l.describe().dataPlane ?? [];
    expect(mapped.map((a) => [a.address, a.host, a.answering])).toEqual([
      [VIPS[0], `127.10.${NET}.100`, false],
      [VIPS[1], `127.10.${NET}.101`, false],
    ]);
    expect(mapped.every((a) => a.port > 0)).toBe(true);
    const [first] = mapped;
    expect(await answers(first!.host, first!.port)).toBe(false);

    const text = renderPairText(pair, comware7);
    const cfg = (k: 'a' | 'b') => scriptToConfigFile(`${text[k].join('\n')}\n`, comware7).split('\n');
    expect(l.devices.b!.applyConfig(cfg('b'))).toEqual([]);
    expect(l.devices.a!.applyConfig(cfg('a'))).toEqual([]);
    await waitFor(() => (l.dataPlane?.describe() ?? []).every((a) => a.answering && a.device === 'a'), 5_000, 'both VIPs answering on A');
    expect(await answers(first!.host, first!.port)).toBe(true);

    // Probe every 10 ms through a failover: refused exactly inside the recorded outage.
    const seen: { at: number; ok: boolean }[] = [];
    let probing = true;
    const loop = (async () => {
      while (probing) {
        const at = Date.now();
        seen.push({ at, ok: await answers(first!.host, first!.port) });
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    await l.inject('a', 'link-down', UPLINK);
    await waitFor(() => (l.dataPlane?.record().outages ?? []).filter((o) => o.resumedAt).length === 2, 5_000, 'both VIPs answering on B');
    await new Promise((r) => setTimeout(r, 100));
    probing = false;
    await loop;

    const rec = l.dataPlane!.record();
    expect(rec.addresses.map((a) => [a.address, a.device, a.answering])).toEqual([
      [VIPS[0], 'b', true],
      [VIPS[1], 'b', true],
    ]);
    for (const o of rec.outages) {
      expect([o.from, o.to]).toEqual(['a', 'b']);
      // Never instant: at least the new owner's takeover, and not much more (a loopback RBM round trip).
      const gap = (o.resumedAt as number) - o.stoppedAt;
      expect(gap).toBeGreaterThanOrEqual(ADDRESS_TAKEOVER_MS - 50);
      expect(gap).toBeLessThan(ADDRESS_TAKEOVER_MS + 250);
    }
    const outage = rec.outages.find((o) => o.address === first!.address)!;
    const margin = 15; // a probe's start and the listener's change are a few ms apart
    expect(seen.filter((p) => !p.ok && (p.at < outage.stoppedAt - margin || p.at > (outage.resumedAt as number) + margin))).toEqual([]);
    expect(seen.filter((p) => p.ok && p.at > outage.stoppedAt + margin && p.at < (outage.resumedAt as number) - margin)).toEqual([]);
    expect(seen.filter((p) => !p.ok).length).toBeGreaterThan(5);

    // The CLI lab publishes the same record in its state dir.
    const published = JSON.parse(readFileSync(join(dir, DATAPLANE_FILE), 'utf8')) as DataPlaneRecord;
    expect(published.outages).toEqual(rec.outages);
    expect(published.takeoverMs).toBe(ADDRESS_TAKEOVER_MS);

    // A powered-off owner stops answering at once.
    await l.inject('b', 'power-off');
    const off = Date.now();
    await waitFor(() => l.dataPlane!.record().outages.length === 4, 1_000, 'outage on power-off');
    for (const o of l.dataPlane!.record().outages.slice(2)) {
      expect(o.from).toBe('b');
      expect(o.stoppedAt - off).toBeLessThan(50);
    }
  }, 30_000);
});
