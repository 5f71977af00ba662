import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/core/base/errors';
import { Pair, type PairInput } from '../../../src/core/model/pair';
import { comware7 } from '../../../src/core/platforms/comware7';
import type { PlatformPack } from '../../../src/core/platforms/pack';
import { renderDevice, renderPair, renderPairText, renderUndo, scriptText, stageLines, STAGES, syncSource, undoLines, type RenderedScript } from '../../../src/core/render/index';
import { EXAMPLE_INPUTS, EXAMPLES } from './examples';

const ex = (name: string) => EXAMPLES[name] as Pair;
const withInput = (name: string, edit: (p: PairInput) => void): Pair => {
  const input = structuredClone(EXAMPLE_INPUTS[name] as PairInput);
  edit(input);
  return Pair.parse(input);
};
const stageTexts = (s: RenderedScript, stage: 'channel' | 'sync' | 'local') => scriptText(stageLines(s, stage));
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? `${e.code}: ${e.message}` : `not an AppError: ${String(e)}`;
  }
  return 'no error';
};

describe('renderPair: script shape', () => {
  it('starts with system-view, ends with return, and orders the stages channel → sync → local', () => {
    for (const pair of Object.values(EXAMPLES)) {
      for (const s of [renderPair(pair, comware7).a, renderPair(pair, comware7).b]) {
        const t = scriptText(s);
        expect(t[0]).toBe('system-view');
        expect(t[t.length - 1]).toBe('return');
        const body = s.lines.filter((l) => l.kind !== 'frame');
        expect(STAGES.flatMap((st) => stageLines(s, st))).toEqual(body);
      }
    }
  });

  it('keeps each sub-view visit inside one stage, entered and left with quit', () => {
    for (const pair of Object.values(EXAMPLES)) {
      const s = renderPair(pair, comware7).a;
      let open: string | undefined;
      for (const l of s.lines) {
        if (l.kind === 'enter') {
          expect(open).toBeUndefined();
          open = l.text;
        } else if (l.kind === 'exit') {
          expect(l.context).toBe(open);
          open = undefined;
        } else if (l.kind === 'command') expect(l.context).toBe(open);
      }
      expect(open).toBeUndefined();
    }
  });

  it('puts the channel interface address and the RBM channel settings in the channel stage', () => {
    const a = renderPair(ex('as-vrrp'), comware7).a;
    expect(stageTexts(a, 'channel')).toEqual([
      'interface GigabitEthernet1/0/3',
      'ip address 10.2.1.1 255.255.255.0',
      'quit',
      'remote-backup group',
      'device-role primary',
      'local-ip 10.2.1.1',
      'remote-ip 10.2.1.2 port 60064',
      'keepalive interval 1',
      'keepalive count 10',
      'data-channel interface GigabitEthernet1/0/3',
      'configuration auto-sync enable',
      'quit',
    ]);
    expect(stageTexts(a, 'sync')).toEqual([]);
    expect(stageTexts(a, 'local')).toContain('vrrp vrid 1 virtual-ip 10.1.1.3 active');
  });

  it('derives each remote IP from the other device and swaps them on B', () => {
    const { a, b } = renderPairText(ex('as-vrrp'), comware7);
    expect(a).toContain('remote-ip 10.2.1.2 port 60064');
    expect(b).toContain('local-ip 10.2.1.2');
    expect(b).toContain('remote-ip 10.2.1.1 port 60064');
    expect(b).toContain('device-role secondary');
  });

  it('renders exactly what a corrected pack template says (no literal commands in render code)', () => {
    const pack: PlatformPack = structuredClone(comware7);
    (pack.commands.keepaliveInterval as { template: string }).template = 'keepalive hello {seconds}';
    pack.session.quit = 'exit';
    const t = scriptText(renderDevice(ex('as-vrrp'), pack, 'a'));
    expect(t).toContain('keepalive hello 1');
    expect(t).not.toContain('quit');
    expect(t).toContain('exit');
  });

  it('marks lines from unverified templates and navigation as verified', () => {
    const a = renderPair(ex('as-vrrp'), comware7).a;
    expect(a.lines.find((l) => l.text === 'device-role primary')?.verified).toBe(false);
    expect(a.lines.find((l) => l.text === 'configuration auto-sync enable')?.verified).toBe(true);
    expect(a.lines.filter((l) => l.kind !== 'command' && l.kind !== 'enter').every((l) => l.verified)).toBe(true);
  });
});

describe('renderPair: every parameter', () => {
  it('dual-active: B gets the inverse VRRP binding of what the file writes from A\'s side', () => {
    const da = renderPairText(ex('da-vrrp'), comware7);
    expect(da.a).toEqual(expect.arrayContaining(['vrrp vrid 1 virtual-ip 10.1.1.3 active', 'vrrp vrid 2 virtual-ip 10.1.1.4 standby', 'backup-mode dual-active']));
    expect(da.b).toEqual(expect.arrayContaining(['vrrp vrid 1 virtual-ip 10.1.1.3 standby', 'vrrp vrid 2 virtual-ip 10.1.1.4 active']));
  });

  it('active/standby: the primary binds the VRRP active group, the secondary the standby group (seed, step 2)', () => {
    const as = renderPairText(ex('as-vrrp'), comware7);
    expect(as.a).toEqual(expect.arrayContaining(['vrrp vrid 1 virtual-ip 10.1.1.3 active', 'vrrp vrid 2 virtual-ip 10.3.1.3 active']));
    expect(as.b).toEqual(expect.arrayContaining(['vrrp vrid 1 virtual-ip 10.1.1.3 standby', 'vrrp vrid 2 virtual-ip 10.3.1.3 standby']));
    expect(as.b.filter((l) => / active$/.test(l))).toEqual([]);
    expect(as.a.some((l) => l.startsWith('backup-mode'))).toBe(false);
    // With device b as the primary, b forwards and takes the keyword as written.
    const swapped = renderPairText(
      withInput('as-vrrp', (p) => {
        p.devices.a.role = 'secondary';
        p.devices.b.role = 'primary';
      }),
      comware7,
    );
    expect(swapped.b).toContain('vrrp vrid 1 virtual-ip 10.1.1.3 active');
    expect(swapped.a).toContain('vrrp vrid 1 virtual-ip 10.1.1.3 standby');
    // Automatic roles: written from device a's side, like the file.
    const auto = renderPairText(
      withInput('as-vrrp', (p) => {
        p.roles = 'auto';
        delete p.devices.a.role;
        delete p.devices.b.role;
      }),
      comware7,
    );
    expect([auto.a.includes('vrrp vrid 1 virtual-ip 10.1.1.3 active'), auto.b.includes('vrrp vrid 1 virtual-ip 10.1.1.3 standby')]).toEqual([true, true]);
  });

  it('mirroring: service addresses go to the sync stage of the primary only; mgmt and channel interfaces stay per device', () => {
    const pair = ex('mirror-track');
    expect(syncSource(pair)).toBe('a');
    const { a, b } = renderPair(pair, comware7);
    expect(stageTexts(a, 'sync')).toEqual([
      'interface GigabitEthernet1/0/1',
      'ip address 10.1.1.1 255.255.255.0',
      'ipv6 address 2001:db8:1::1/64',
      'ipv6 address fe80::1 link-local',
      'quit',
      'interface GigabitEthernet1/0/2',
      'ip address 10.3.1.1 255.255.255.0',
      'quit',
    ]);
    expect(stageTexts(b, 'sync')).toEqual([]);
    expect(stageTexts(b, 'local').slice(0, 3)).toEqual(['interface GigabitEthernet1/0/0', 'ip address 192.0.2.12 255.255.255.0', 'quit']);
    const ch = stageTexts(a, 'channel');
    // Seed order: role and channel before mirroring; management interface after it; route-static before auto-sync.
    expect(ch.indexOf('device-role auto')).toBeLessThan(ch.indexOf('backup-mode mirroring'));
    expect(ch.indexOf('remote-ip 10.2.1.2 port 60064')).toBeLessThan(ch.indexOf('backup-mode mirroring'));
    expect(ch.indexOf('backup-mode mirroring')).toBeLessThan(ch.indexOf('management-interface GigabitEthernet1/0/0'));
    expect(ch.indexOf('configuration auto-sync enable route-static')).toBeLessThan(ch.indexOf('configuration auto-sync enable'));
  });

  it('mirroring with B as the configured primary pushes the sync stage to B', () => {
    const pair = withInput('mirror-track', (p) => {
      p.devices.b.role = 'primary';
    });
    expect(syncSource(pair)).toBe('b');
    const { a, b } = renderPair(pair, comware7);
    expect(stageTexts(a, 'sync')).toEqual([]);
    expect(stageTexts(b, 'sync')).toContain('ip address 10.1.1.1 255.255.255.0');
  });

  it('tracks: system-view entry then RBM-view association; entries without an interface only associate', () => {
    const t = renderPairText(ex('as-ospf-cost'), comware7).a;
    const i = t.indexOf('track 1 interface GigabitEthernet1/0/1');
    expect(t[i + 1]).toBe('quit');
    expect(t).toEqual(expect.arrayContaining(['track 1', 'track 3']));
    expect(t.some((l) => l.startsWith('track 3 interface'))).toBe(false);
    expect(t.indexOf('track 1')).toBeGreaterThan(i);
  });

  it('IPv6 control channel, monitor interfaces, adjust-cost per protocol, sessions off', () => {
    const t = renderPairText(ex('as-ospf-cost'), comware7).a;
    expect(t).toEqual(
      expect.arrayContaining([
        'ipv6 address 2001:db8:2::1/64',
        'local-ipv6 2001:db8:2::1',
        'remote-ipv6 2001:db8:2::2 port 60064',
        'track interface GigabitEthernet1/0/5',
        'track interface GigabitEthernet1/0/6',
        'adjust-cost ospf enable absolute 65500',
        'adjust-cost bgp enable increment 100',
        'undo hot-backup enable',
      ]),
    );
    const v = renderPairText(withInput('as-ospf-cost', (p) => (p.monitor = { vlans: [10, 20] })), comware7).a;
    expect(v).toEqual(expect.arrayContaining(['track vlan 10', 'track vlan 20']));
  });

  it('floating IPs (v4 dotted mask, v6 prefix), port, keepalive, layer-3 data channel, check disabled', () => {
    const t = renderPairText(ex('as-floating-ip'), comware7).b;
    expect(t).toEqual(
      expect.arrayContaining([
        'remote-backup virtual-ip 10.1.1.1 255.255.255.0',
        'remote-backup virtual-ipv6 2001:db8:1::1 64',
        'remote-ip 10.2.1.1 port 60100',
        'keepalive interval 2',
        'keepalive count 5',
        'data-channel transport-mode layer3',
        'undo configuration sync-check enable',
      ]),
    );
    expect(t.some((l) => l.startsWith('configuration sync-check interval'))).toBe(false);
  });

  it('check schedule: every N hours / daily / weekly; fallback; backup options; loghost; auto-sync off', () => {
    const t = (edit: (p: PairInput) => void) => renderPairText(withInput('as-vrrp', edit), comware7).a;
    expect(t((p) => (p.consistencyCheck = { enabled: true, schedule: { every: '1d' } }))).toContain('configuration sync-check interval 24');
    expect(renderPairText(ex('da-vrrp'), comware7).a).toContain('configuration sync-check daily 02:30');
    expect(renderPairText(ex('mirror-track'), comware7).a).toContain('configuration sync-check weekly sun 03:00');
    expect(t(() => undefined)).toEqual(expect.arrayContaining(['switchback enable', 'delay-time 120']));
    expect(t((p) => (p.fallback = { enabled: false })).some((l) => /switchback|delay-time/.test(l))).toBe(false);
    const all = t((p) => (p.backup = { sessions: true, http: true, dns: true, aftPortBlocks: true, lastHops: true }));
    expect(all).toEqual(expect.arrayContaining(['hot-backup enable', 'hot-backup http enable', 'hot-backup dns enable', 'hot-backup aft-port-block enable', 'hot-backup last-hop enable']));
    expect(t((p) => (p.loghost = { address: '192.0.2.9', port: 1514 }))).toContain('info-center loghost 192.0.2.9 port 1514');
    expect(t((p) => (p.configSync = { auto: false }))).toContain('undo configuration auto-sync enable');
  });

  it('types interface names in full, as the device prints them, wherever the file abbreviates them', () => {
    const p = withInput('as-ospf-cost', (i) => {
      i.track = [{ id: 1, interface: 'GE1/0/1' }];
      i.monitor = { interfaces: ['ge1/0/5'] };
      i.devices.a.dataChannel.interface = 'GE1/0/3';
    });
    const t = renderPairText(p, comware7).a;
    expect(t).toEqual(expect.arrayContaining(['interface GigabitEthernet1/0/3', 'data-channel interface GigabitEthernet1/0/3', 'track 1 interface GigabitEthernet1/0/1', 'track interface GigabitEthernet1/0/5']));
    expect(t.some((l) => /\bGE1|\bge1/.test(l))).toBe(false);
  });

  it('interface descriptions and link-local addresses', () => {
    const a = renderPair(ex('as-vrrp'), comware7).a;
    expect(a.lines.find((l) => l.text === 'description downlink')?.context).toBe('interface GigabitEthernet1/0/1');
    expect(scriptText(renderDevice(ex('mirror-track'), comware7, 'a'))).toContain('ipv6 address fe80::1 link-local');
    const blanks = withInput('as-vrrp', (i) => {
      const itfs = i.devices.a.interfaces as { description?: string }[];
      itfs[0]!.description = '  core  link ';
      itfs[1]!.description = '   ';
    });
    const t = renderPairText(blanks, comware7).a;
    expect(t).toContain('description core  link');
    expect(t.filter((l) => l.startsWith('description'))).toHaveLength(1);
  });

  it('IPv6 VRRP groups: the link-local virtual address is typed first with `link-local`, and undone last', () => {
    const p = withInput('as-vrrp', (i) => {
      // Listed the wrong way round on purpose (the validator flags it): the render still sends the link-local first.
      i.vrrp = [
        { interface: 'GigabitEthernet1/0/1', vrid: 3, virtualIp: '2001:db8:1::3', group: 'active' },
        { interface: 'GigabitEthernet1/0/1', vrid: 3, virtualIp: 'FE80::3', group: 'active' },
      ];
    });
    const { a, b } = renderPairText(p, comware7);
    const v6 = (lines: string[]) => lines.filter((l) => l.startsWith('vrrp ipv6'));
    expect(v6(a)).toEqual(['vrrp ipv6 vrid 3 virtual-ip fe80::3 link-local active', 'vrrp ipv6 vrid 3 virtual-ip 2001:db8:1::3 active']);
    expect(v6(b)).toEqual(['vrrp ipv6 vrid 3 virtual-ip fe80::3 link-local standby', 'vrrp ipv6 vrid 3 virtual-ip 2001:db8:1::3 standby']);
    const undo = scriptText(renderUndo(p, comware7).a).filter((l) => l.startsWith('undo vrrp ipv6'));
    expect(undo).toEqual(['undo vrrp ipv6 vrid 3 virtual-ip 2001:db8:1::3', 'undo vrrp ipv6 vrid 3 virtual-ip fe80::3 link-local']);
  });
});

describe('renderPair: refusals', () => {
  it('throws a clear error rather than emit a line longer than lineMax', () => {
    const pack: PlatformPack = { ...comware7, session: { ...comware7.session, lineMax: 20 } };
    expect(errorOf(() => renderPair(ex('as-vrrp'), pack))).toMatch(/VALIDATION: .*-character line; the device accepts at most 20/);
  });

  it('refuses a value that would smuggle a second command onto the device', () => {
    const p = withInput('as-vrrp', (i) => {
      (i.devices.a.interfaces as { description?: string }[])[0]!.description = 'x\nundo remote-backup group';
    });
    expect(errorOf(() => renderPair(p, comware7))).toMatch(/line break or control character/);
  });

  it('names a command the pack lacks', () => {
    const pack: PlatformPack = structuredClone(comware7);
    delete pack.commands.keepaliveCount;
    expect(errorOf(() => renderPair(ex('as-vrrp'), pack))).toMatch(/has no command "keepaliveCount"/);
  });

  it('refuses a consistency interval that is not whole hours, and manual roles without a role', () => {
    expect(errorOf(() => renderPair(withInput('as-vrrp', (p) => (p.consistencyCheck = { schedule: { every: '90m' } })), comware7))).toMatch(/whole number of hours/);
    expect(errorOf(() => renderPair(withInput('as-vrrp', (p) => delete p.devices.b.role), comware7))).toMatch(/devices\.b\.role is missing/);
  });
});

describe('undo scripts', () => {
  it('undoes every added line once, in reverse order, and removes the RBM view it created last', () => {
    for (const pair of Object.values(EXAMPLES)) {
      const r = renderPair(pair, comware7);
      const u = renderUndo(pair, comware7);
      for (const k of ['a', 'b'] as const) {
        const expected = r[k].lines.filter((l) => l.undo !== undefined).map((l) => l.undo).reverse();
        const got = u[k].lines.filter((l) => l.kind === 'command').map((l) => l.text);
        expect(got).toEqual(expected);
        const t = scriptText(u[k]);
        expect(t[0]).toBe('system-view');
        expect(t[t.length - 1]).toBe('return');
        expect(t.filter((l) => l === 'undo remote-backup group')).toHaveLength(1);
        // The channel stage (the RBM view's creation) is undone last.
        expect(u[k].lines.filter((l) => l.kind !== 'frame').at(-1)?.stage).toBe('channel');
      }
    }
  });

  it('undoes a push interrupted inside a view (partial rollback)', () => {
    const a = renderDevice(ex('as-vrrp'), comware7, 'a');
    const upTo = a.lines.findIndex((l) => l.text === 'remote-ip 10.2.1.2 port 60064');
    expect(scriptText(undoLines(a.lines.slice(0, upTo + 1), comware7))).toEqual([
      'remote-backup group',
      'undo remote-ip',
      'undo local-ip',
      'undo device-role',
      'quit',
      'undo remote-backup group',
      'interface GigabitEthernet1/0/3',
      'undo ip address 10.2.1.1 255.255.255.0',
      'quit',
    ]);
    expect(undoLines([], comware7)).toEqual([]);
  });

  it('adds nothing to undo for lines that only switch a feature off', () => {
    const u = scriptText(renderUndo(ex('as-ospf-cost'), comware7).a);
    expect(u).not.toContain('hot-backup enable');
    expect(u).not.toContain('undo undo hot-backup enable');
  });
});
