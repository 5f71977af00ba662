import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runPairCli } from '../../src/cli/commands/pair';
import { runProbeCli } from '../../src/cli/commands/probe';
import { readPackFile } from '../../src/cli/pack-file';
import type { Pair } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import type { PlatformPack } from '../../src/core/platforms/pack';
import { summarizeJournal } from '../../src/core/provision/journal';
import { planDevice } from '../../src/core/provision/plan';
import { syncSource } from '../../src/core/render/sections';
import type { SessionFactory } from '../../src/core/provision/types';
import { LabDevice } from '../../src/lab/device/index';
import { renderConfig } from '../../src/lab/device/render';
import { InProcessSession } from '../core/provision/in-process-session';
import { useTempDataDir } from '../workflows/temp-data-dir';
import { EXAMPLES } from '../core/render/examples';

const config = (d: LabDevice) => renderConfig(d.running, d.version).join('\n');
/** JSON with sorted keys: a pack read back from a file lists its keys in the schema's order. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** A pack that renders `keepalive interval N` as the release in this test would not take it. */
function dialect(): PlatformPack {
  const p = structuredClone(comware7);
  p.commands.keepaliveInterval = { ...p.commands.keepaliveInterval!, template: 'keepalive intervl {seconds}' };
  return p;
}

describe('hotpair probe (devices: the lab appliance engine in-process)', () => {
  const dataDir = useTempDataDir('hotpair-probe-cli-');

  const pair = EXAMPLES['as-vrrp'] as Pair;
  const lab = () => {
    const devices = { a: new LabDevice({ key: 'a', sysname: pair.devices.a.sysname }), b: new LabDevice({ key: 'b', sysname: pair.devices.b.sysname }) };
    const sessions: InProcessSession[] = [];
    const open: SessionFactory = async (k) => {
      const s = new InProcessSession(devices[k]);
      sessions.push(s);
      return s;
    };
    return { devices, sessions, open };
  };
  const io = () => {
    const o = { out: '', err: '' };
    return { o, io: { out: (t: string) => void (o.out += t), err: (t: string) => void (o.err += t) } };
  };
  const journals = () => (existsSync(join(dataDir(), 'journal')) ? readdirSync(join(dataDir(), 'journal')).filter((f) => f.endsWith('.jsonl')) : []);

  it('--json: every planned line confirmed, exit 0, nothing left on the devices', async () => {
    const l = lab();
    const before = { a: config(l.devices.a), b: config(l.devices.b) };
    const { o, io: cio } = io();
    const code = await runProbeCli({ pair, pack: comware7, flags: { json: true }, open: l.open, io: cio });
    expect(o.err).toBe('');
    expect(code).toBe(EXIT.ok);
    const json = JSON.parse(o.out) as { devices: Record<'a' | 'b', { lines: { line: string; view: string; status: string }[] }> };
    for (const k of ['a', 'b'] as const) {
      expect(json.devices[k].lines.length).toBeGreaterThan(10);
      expect(json.devices[k].lines.every((x) => x.status === 'confirmed')).toBe(true);
    }
    expect(json.devices.a.lines).toContainEqual({ line: 'keepalive interval 1', view: 'remote-backup group', status: 'confirmed' });
    // every line each device would be sent, in its order (the sync stage goes to the primary only)
    for (const k of ['a', 'b'] as const) {
      const plan = planDevice(pair, comware7, k, 'return\n');
      const sent = [...plan.plan.remove, ...plan.plan.add.filter((x) => x.kind !== 'frame' && (x.stage !== 'sync' || k === syncSource(pair))).map((x) => x.text)];
      expect(json.devices[k].lines.map((x) => x.line)).toEqual(sent);
    }
    // the RBM view had to be created to reach its lines: removed again, and the journal says so
    expect({ a: config(l.devices.a), b: config(l.devices.b) }).toEqual(before);
    const [file] = journals();
    const summary = summarizeJournal(readFileSync(join(dataDir(), 'journal', file!), 'utf8'));
    expect(summary).toMatchObject({ interrupted: false, outcome: 'dry-run', applied: { a: [], b: [] }, inFlight: [] });
    // only navigation was executed on the devices
    for (const s of l.sessions) expect(s.typed.filter((t) => /keepalive|local-ip|vrrp|ip address/.test(t))).toEqual([]);
  });

  it('flags exactly the lines a changed dialect renders, on both devices, and writes a pack that marks them', async () => {
    const l = lab();
    const { o, io: cio } = io();
    const packFile = join(dataDir(), 'probed-pack.json');
    const code = await runProbeCli({ pair, pack: dialect(), flags: { writePack: packFile }, open: l.open, io: cio });
    expect(code).toBe(EXIT.failed);
    expect(o.out).toMatch(/Device A \(FW1\): 1 NOT confirmed/);
    expect(o.out).toMatch(/Device B \(FW2\): 1 NOT confirmed/);
    expect(o.out).toMatch(/unknown {4}\[remote-backup group\] keepalive intervl 1\n +word 2 "intervl": % Unrecognized command found at '\^' position\.: intervl is none of: count, interval\n +the device offers: count, interval/);
    const written = readPackFile(packFile);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    const t = written.pack.commands.keepaliveInterval!;
    expect(t.template).toBe('keepalive intervl {seconds}'); // the device's words go into the note, not into the template
    expect(t.verified).toBe(false);
    expect(t.note).toMatch(/device A \(FW1\): "keepalive intervl 1" unknown at word 2 "intervl".*offered there: count, interval/);
    const changed = Object.keys(written.pack.commands).filter((k) => canonical(written.pack.commands[k]) !== canonical(dialect().commands[k]));
    expect(changed).toEqual(['keepaliveInterval']);
  });

  it('hotpair pair: a line not confirmed stops the run before any push, naming it; the journal keeps the verdict', async () => {
    const l = lab();
    const { o, io: cio } = io();
    const code = await runPairCli({ pair, pack: dialect(), flags: { yes: true }, open: l.open, io: cio });
    expect(code).toBe(EXIT.failed);
    expect(o.err).toMatch(/COMMAND_REJECTED: 2 planned lines not confirmed by the devices; nothing was pushed\. First: device A \[remote-backup group\] "keepalive intervl 1": unknown at word 2 "intervl"/);
    for (const s of l.sessions) expect(s.typed).not.toContain('keepalive intervl 1');
    expect(config(l.devices.a)).not.toMatch(/local-ip/);
    const text = readFileSync(join(dataDir(), 'journal', journals()[0]!), 'utf8');
    const probe = text.split('\n').filter(Boolean).map((x) => JSON.parse(x) as { type: string; phase?: string; unconfirmed?: string[] }).filter((r) => r.type === 'probe' && r.phase === 'done');
    expect(probe).toHaveLength(1);
    expect(probe[0]!.unconfirmed).toHaveLength(2);
    expect(summarizeJournal(text)).toMatchObject({ outcome: 'declined', applied: { a: [], b: [] } });
  });

  it('hotpair pair --no-probe / --force-unconfirmed: the journal records the skip and the reason', async () => {
    const skip = await runPairCli({ pair, pack: dialect(), flags: { dryRun: true, probe: false }, open: lab().open, io: io().io });
    expect(skip).toBe(EXIT.ok);
    const forced = await runPairCli({ pair, pack: dialect(), flags: { dryRun: true, forceUnconfirmed: 'release R9620 says intervl' }, open: lab().open, io: io().io });
    expect(forced).toBe(EXIT.ok);
    const records = journals()
      .sort()
      .flatMap((f) => readFileSync(join(dataDir(), 'journal', f), 'utf8').split('\n').filter(Boolean))
      .map((x) => JSON.parse(x) as { type: string; phase?: string; reason?: string })
      .filter((r) => r.type === 'probe' && !r.phase?.startsWith('view-'));
    expect(records.map((r) => r.phase)).toEqual(['skipped', 'forced']);
    expect(records[1]!.reason).toBe('release R9620 says intervl');
  });
});
