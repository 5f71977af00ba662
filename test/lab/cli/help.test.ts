import { describe, expect, it } from 'vitest';
import { comware7 } from '../../../src/core/platforms/comware7';
import { CliSession } from '../../../src/lab/cli/engine';
import { dialectOf } from '../../../src/lab/cli/dialect';
import type { ViewKind } from '../../../src/lab/cli/types';
import { device } from './helpers';

/** A session already in `view`, and a `?` typed at the end of `line`. */
function asker(enter: string[]) {
  const s = new CliSession(device(), { screenLength: 0 });
  for (const l of enter) s.execute(l);
  return { s, ask: (line: string) => s.help(line) };
}

const IFACE = ['system-view', 'interface GigabitEthernet1/0/1'];
const RBM = ['system-view', 'remote-backup group'];

describe('? after a partial word', () => {
  it('lists the keywords that start with it, bare', () => {
    const { ask } = asker(RBM);
    expect(ask('sw')).toEqual(['  switchback', '  switchover']);
    expect(ask('hot-backup ')).toContainEqual(expect.stringMatching(/^ {2}enable +Enable the function$/));
    expect(ask('hot-backup e')).toEqual(['  enable']);
  });

  it('lists interface types for an interface parameter', () => {
    const { ask } = asker(RBM);
    expect(ask('data-channel interface Gi')).toEqual(['  GigabitEthernet']);
  });

  it('is an error under the word when nothing starts with it', () => {
    const { s, ask } = asker(RBM);
    const pad = s.prompt().length + 'hot-backup '.length;
    expect(ask('hot-backup xyz')).toEqual([`${' '.repeat(pad)}^`, " % Unrecognized command found at '^' position."]);
  });
});

describe('? after a space', () => {
  it('gives every keyword a one-line description, aligned after the longest', () => {
    const { ask } = asker(RBM);
    const lines = ask('keepalive ');
    expect(lines).toEqual(['  count     Keepalive count', '  interval  Specify an interval']);
  });

  it('ends with <cr> when the line is already a complete command', () => {
    const { ask } = asker(IFACE);
    expect(ask('vrrp vrid 1 virtual-ip 10.1.1.3 ')).toEqual([
      '  active   Bind the group to the VRRP active group',
      '  standby  Bind the group to the VRRP standby group',
      '  <cr>',
    ]);
    expect(ask('vrrp vrid 1 virtual-ip 10.1.1.3 active ')).toEqual(['  <cr>']);
    expect(asker(RBM).ask('hot-backup enable ')).toEqual(['  <cr>']);
  });

  it('prints argument hints by type and range, the range taken from the pack', () => {
    expect(asker(IFACE).ask('vrrp vrid ')).toEqual(['  INTEGER<1-255>  Virtual router identifier']);
    expect(asker(IFACE).ask('vrrp vrid 7 virtual-ip ')).toEqual(['  X.X.X.X  IP address']);
    expect(asker(IFACE).ask('ip address 10.1.1.1 ')).toEqual(['  INTEGER<0-32>  Mask length', '  X.X.X.X        IP mask']);
    expect(asker(['system-view']).ask('sysname ')).toEqual(['  STRING<1-64>  Device name']);
    const [lo, hi] = comware7.limits.controlPort;
    expect(asker(RBM).ask('remote-ip 10.2.1.2 port ')).toEqual([`  INTEGER<${lo}-${hi}>  TCP port of the control channel`]);
    // The port is optional: after the address, both the keyword and <cr>.
    expect(asker(RBM).ask('remote-ip 10.2.1.2 ')).toEqual(['  port  Specify a port', '  <cr>']);
  });

  it('shows a value made of two parts (IPv6 address and prefix) as one hint', () => {
    expect(asker(IFACE).ask('ipv6 address ')).toContain('  X:X::X:X/M  IPv6 address and prefix length');
  });

  it('handles free text: TEXT before it, <cr> anywhere inside it', () => {
    const { ask } = asker(IFACE);
    expect(ask('description ')).toEqual(['  TEXT  Description, up to 255 characters']);
    expect(ask('description uplink to the core switch ')).toEqual(['  <cr>']);
  });

  it('heads the bare ? of user and system view with the view name', () => {
    expect(asker([]).ask('')[0]).toBe('User view commands:');
    expect(asker(['system-view']).ask('')[0]).toBe('System view commands:');
  });
});

describe('? on a line with a mistake', () => {
  it('puts the caret under the failing keyword, not at the end of the line', () => {
    const { s, ask } = asker(IFACE);
    const line = 'vrrp vrid 1 virtul-ip 10.1.1.3 ';
    expect(ask(line)).toEqual([`${' '.repeat(s.prompt().length + line.indexOf('virtul-ip'))}^`, " % Unrecognized command found at '^' position."]);
  });

  it('names a value out of range as a wrong parameter, under the value', () => {
    const { s, ask } = asker(IFACE);
    expect(ask('vrrp vrid 300 ')).toEqual([`${' '.repeat(s.prompt().length + 'vrrp vrid '.length)}^`, " % Wrong parameter found at '^' position."]);
  });

  it('refuses a command of another view at its first word', () => {
    const { s, ask } = asker(['system-view']);
    expect(ask('vrrp vrid 1 ')).toEqual([`${' '.repeat(s.prompt().length)}^`, " % Unrecognized command found at '^' position."]);
  });
});

describe('the built-in dialect', () => {
  it('has a description for every keyword of every view', () => {
    const d = dialectOf(comware7);
    const views: ViewKind[] = ['user', 'system', 'interface', 'rbm', 'track', 'luser', 'objgroup'];
    const missing = new Set<string>();
    for (const v of views) for (const r of d.rows(v)) for (const t of r.toks) if (t.kind === 'kw' && !d.describe(t.word)) missing.add(t.word);
    expect([...missing]).toEqual([]);
  });
});
