import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKind, runDrillCli } from '../../src/cli/commands/drill';
import { EventStore } from '../../src/core/monitor/node/store';
import { summarizeJournal } from '../../src/core/provision/journal';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { examplePair, memoryJournal, startLabPair, type LabPair } from '../workflows/lab-pair';
import { runPair } from '../../src/core/provision/workflow';
import { comware7 } from '../../src/core/platforms/comware7';

const LAB_YAML = join(import.meta.dirname, '../../resources/examples/lab.yaml');
const DUAL = join(import.meta.dirname, '../../resources/examples/dual-active-vrrp.yaml');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

describe('hotpair drill: arguments', () => {
  it('reads --kind switchover | link <interface>', () => {
    expect(parseKind(undefined)).toEqual({ ok: true, kind: { kind: 'switchover' } });
    expect(parseKind(['link', 'GigabitEthernet1/0/2'])).toEqual({ ok: true, kind: { kind: 'link', interface: 'GigabitEthernet1/0/2' } });
    for (const bad of [['link'], ['switchover', 'x'], ['reboot']]) expect(parseKind(bad).ok).toBe(false);
  });

  it('usage errors exit 2; a dual-active pair is refused (exit 1) before connecting', async () => {
    const c = capture();
    expect(await runDrillCli(LAB_YAML, { kind: ['link'], yes: true }, c.io)).toBe(2);
    expect(await runDrillCli(LAB_YAML, { probe: ['10.1.1.3'], yes: true }, c.io)).toBe(2);
    expect(c.err()).toMatch(/--kind takes .*\n.*--probe "10\.1\.1\.3": expected HOST:PORT/);
    const d = capture();
    expect(await runDrillCli(DUAL, { yes: true }, d.io)).toBe(1);
    expect(d.err()).toMatch(/refused: .*dual-active/);
  });
});

describe('hotpair drill against a commissioned lab pair', () => {
  let dir: string;
  let lab: LabPair;
  const saved = { data: process.env.HOTPAIR_DATA_DIR, pw: process.env.HP_DRILL_PW };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-drill-cli-'));
    process.env.HOTPAIR_DATA_DIR = join(dir, 'data');
    process.env.HP_DRILL_PW = LAB_PASSWORD;
    lab = await startLabPair(251);
    const r = await runPair({ pair: examplePair('lab'), pack: comware7, open: lab.open, journal: memoryJournal(), meta: { runId: 'c', targets: { a: 'a', b: 'b' }, tool: 'test' } });
    expect(r.outcome).toBe('success');
  }, 60_000);

  afterAll(async () => {
    await lab?.stop();
    for (const [k, v] of [['HOTPAIR_DATA_DIR', saved.data], ['HP_DRILL_PW', saved.pw]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('--json prints one object with the figures of both moves; the run is in the journal and the history', async () => {
    const t0 = Date.now();
    while (!lab.lab.dataPlane?.endpoint('10.1.1.3')?.answering && Date.now() - t0 < 3_000) await new Promise((r) => setTimeout(r, 20));
    const vip = lab.lab.dataPlane!.endpoint('10.1.1.3')!;
    const c = capture();
    const code = await runDrillCli(
      LAB_YAML,
      {
        probe: [`${vip.host}:${vip.port}`],
        yes: true,
        json: true,
        a: `ssh://admin@127.0.0.1:${lab.port.a}`,
        b: `ssh://admin@127.0.0.1:${lab.port.b}`,
        passwordEnv: 'HP_DRILL_PW',
        acceptNewHostKey: true,
        knownHosts: join(dir, 'known_hosts'),
      },
      c.io,
    );
    expect(code, c.err()).toBe(0);
    const lines = c.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0] as string) as Record<string, unknown> & { switchback: Record<string, number>; journal: string };
    expect(r).toMatchObject({ pair: 'lab', outcome: 'passed', failedProbes: expect.any(Number), sessionsPreservedPct: null });
    expect(r.switchoverMs).toBeGreaterThan(0);
    expect(r.interruptionMs).toBeGreaterThan(100);
    // lab.yaml configures fallback, so the switchback is measured too.
    expect(r.switchback.interruptionMs).toBeGreaterThan(100);
    expect(r.switchback.switchoverMs).toBeGreaterThan(0);
    // The story went to stderr, so stdout stays one object.
    expect(c.err()).toMatch(/Failover drill on pair lab: move the Active role from A \(FW1\) to B \(FW2\)/);

    expect(existsSync(r.journal)).toBe(true);
    const s = summarizeJournal(readFileSync(r.journal, 'utf8'));
    expect(s.outcome).toBe('success');
    expect(s.drill?.switchover?.interruptionMs).toBe(r.interruptionMs);
    const store = new EventStore(join(dir, 'data', 'monitor.sqlite'), { retentionDays: 0 });
    try {
      expect(store.history({ pair: 'lab', kinds: ['drill'] })).toEqual([expect.objectContaining({ kind: 'drill', drill: 'switchover', outcome: 'passed', interruptionMs: r.interruptionMs, journal: r.journal })]);
    } finally {
      store.close();
    }
  }, 60_000);
});
