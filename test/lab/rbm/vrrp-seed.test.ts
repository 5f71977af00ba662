import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptToConfigFile } from '../../../src/core/bundle/export';
import type { Pair } from '../../../src/core/model/pair';
import { parseVrrp } from '../../../src/core/parse/vrrp';
import { comware7 } from '../../../src/core/platforms/comware7';
import { renderPairText } from '../../../src/core/render/index';
import { CliSession } from '../../../src/lab/cli/engine';
import { startLab, type Lab } from '../../../src/lab/lab';
import { examplePair, fast } from '../../workflows/lab-pair';
import { waitFor } from './helpers';

/**
 * The seed's "VRRP master election in the hot backup system", walked on a lab pair built from
 * resources/examples/as-vrrp.yaml and configured with what HotPair renders for it: Device A
 * (primary) masters VRRP groups 1 and 2 through its VRRP active group, Device B (secondary) waits
 * on its VRRP standby group; the tracked uplink GigabitEthernet1/0/4 plays Interface A2.
 */

type Key = 'a' | 'b';
type State = 'Master' | 'Backup' | 'Initialize';
/** State of each group (by VRID) on each device. */
type Snapshot = Record<Key, Record<number, State>>;

const VIPS = { 1: '192.168.10.1', 2: '203.0.113.1' } as const;
const UPLINK = 'GigabitEthernet1/0/4';
const dirs: string[] = [];
let lab: Lab | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function seedPair(): Pair {
  return examplePair('as-vrrp', (p) => {
    fast(p);
    p.fallback = { enabled: true, delaySeconds: 1 };
  });
}

/** A lab pair from the file, configured from HotPair's render (B first, as the workflow does); `editB` alters B's configuration. */
async function start(net: number, editB: (line: string) => string = (l) => l): Promise<Lab> {
  const pair = seedPair();
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-vrrp-seed-'));
  dirs.push(dir);
  const l = await startLab({ stateDir: dir, sshPortBase: 0, console: false, stateFile: false, pairIndexBase: net, keepalive: { intervalMs: 200, count: 3 }, pair });
  lab = l;
  const text = renderPairText(pair, comware7);
  const cfg = (k: Key) => scriptToConfigFile(`${text[k].join('\n')}\n`, comware7).split('\n');
  expect(l.devices.b!.applyConfig(cfg('b').map(editB))).toEqual([]);
  expect(l.devices.a!.applyConfig(cfg('a'))).toEqual([]);
  await waitFor(() => l.engine('a').runningStatus() === 'Active' && l.engine('b').runningStatus() === 'Standby', 5_000, 'A Active, B Standby');
  return l;
}

/** What `display vrrp` shows on a device, read through the tool's parser. */
function shown(l: Lab, k: Key): Record<number, string> {
  const out = new CliSession(l.devices[k]!).execute('display vrrp').lines ?? [];
  return Object.fromEntries(parseVrrp(out.join('\n')).value.groups.map((g) => [g.vrid, g.state]));
}

/** Every VRRP state change both devices log, in the order they happen. */
function recordChanges(l: Lab): { key: Key; vrid: number; to: State }[] {
  const seen: { key: Key; vrid: number; to: State }[] = [];
  for (const key of ['a', 'b'] as const)
    l.devices[key]!.on((e) => {
      if (e.kind !== 'log') return;
      const m = /VRRP_STATUS_CHANGE: .*virtual router (\d+) .*changed from \w+ to (\w+)/.exec(e.line);
      if (m) seen.push({ key, vrid: Number(m[1]), to: m[2] as State });
    });
  return seen;
}

/** The snapshots after each logged change, from `start`; consecutive duplicates dropped. */
function replay(start: Snapshot, changes: readonly { key: Key; vrid: number; to: State }[]): Snapshot[] {
  const out: Snapshot[] = [structuredClone(start)];
  let cur = structuredClone(start);
  for (const c of changes) {
    cur = structuredClone(cur);
    cur[c.key][c.vrid] = c.to;
    if (JSON.stringify(cur) !== JSON.stringify(out[out.length - 1])) out.push(cur);
  }
  return out;
}

const both = (s: State): Record<number, State> => ({ 1: s, 2: s });
const masters = (s: Snapshot, vrid: 1 | 2): Key[] => (['a', 'b'] as const).filter((k) => s[k][vrid] === 'Master');

describe("the seed's VRRP master election on a lab pair (as-vrrp.yaml, HotPair's render)", () => {
  it('A2 fails: B masters groups 1 and 2 through its standby group, then A backs off; A2 recovers: the same the other way', async () => {
    const l = await start(96);
    // Before: Device A master in groups 1 and 2, Device B backup in both.
    expect([shown(l, 'a'), shown(l, 'b')]).toEqual([both('Master'), both('Backup')]);
    expect([l.whoAnswers(VIPS[1]), l.whoAnswers(VIPS[2])]).toEqual([['a'], ['a']]);

    const changes = recordChanges(l);
    await l.inject('a', 'link-down', UPLINK);
    await waitFor(() => l.engine('b').runningStatus() === 'Active' && l.engine('a').runningStatus() === 'Standby', 3_000, 'switchover to B');
    await waitFor(() => changes.length >= 4, 1_000, 'four VRRP changes');
    // Step 1 sends the change to B: nothing moves on A before B. Step 2: B becomes master in both
    // groups (standby group → master) while A still is (the transient the seed warns about). Step 4:
    // A becomes backup in both (active group → backup). No group is left without a master meanwhile.
    const failover = replay({ a: both('Master'), b: both('Backup') }, changes);
    expect(changes[0]?.key).toBe('b');
    expect(failover).toContainEqual({ a: both('Master'), b: both('Master') });
    expect(failover.at(-1)).toEqual({ a: both('Backup'), b: both('Master') });
    for (const s of failover) expect([masters(s, 1).length, masters(s, 2).length].every((n) => n >= 1)).toBe(true);
    expect(changes.findIndex((c) => c.key === 'a')).toBeGreaterThan(changes.map((c) => c.key).lastIndexOf('b'));
    expect([shown(l, 'a'), shown(l, 'b')]).toEqual([both('Backup'), both('Master')]);
    expect([l.whoAnswers(VIPS[1]), l.whoAnswers(VIPS[2])]).toEqual([['b'], ['b']]);

    // Step 5: A2 recovers; after the fallback delay the same procedure runs back to A.
    changes.length = 0;
    await l.inject('a', 'link-up', UPLINK);
    await waitFor(() => l.engine('a').runningStatus() === 'Active' && l.engine('b').runningStatus() === 'Standby', 4_000, 'fallback to A');
    await waitFor(() => changes.length >= 4, 1_000, 'four VRRP changes');
    const fallback = replay({ a: both('Backup'), b: both('Master') }, changes);
    expect(changes[0]?.key).toBe('a');
    expect(fallback).toContainEqual({ a: both('Master'), b: both('Master') });
    expect(fallback.at(-1)).toEqual({ a: both('Master'), b: both('Backup') });
    for (const s of fallback) expect([masters(s, 1).length, masters(s, 2).length].every((n) => n >= 1)).toBe(true);
    expect(l.engine('a').status().switchovers.at(-1)).toMatchObject({ from: 'Standby', to: 'Active', cause: 'Fallback after recovery' });
    expect([shown(l, 'a'), shown(l, 'b')]).toEqual([both('Master'), both('Backup')]);
    expect([l.whoAnswers(VIPS[1]), l.whoAnswers(VIPS[2])]).toEqual([['a'], ['a']]);
  }, 20_000);

  it('a secondary bound to the VRRP active group (the earlier render) never takes the groups: after A2 fails nobody answers', async () => {
    const l = await start(97, (line) => line.replace(/^( vrrp vrid \d+ virtual-ip \S+) standby$/, '$1 active'));
    expect(l.devices.b!.currentConfig().filter((x) => / vrrp vrid \d+ virtual-ip \S+ active$/.test(x))).toHaveLength(2);
    await l.inject('a', 'link-down', UPLINK);
    await waitFor(() => l.engine('b').runningStatus() === 'Active' && l.engine('a').runningStatus() === 'Standby', 3_000, 'switchover to B');
    expect([shown(l, 'a'), shown(l, 'b')]).toEqual([both('Backup'), both('Backup')]);
    expect([l.whoAnswers(VIPS[1]), l.whoAnswers(VIPS[2])]).toEqual([[], []]);
  }, 20_000);
});
