import { describe, expect, it } from 'vitest';
import { CliSession } from '../../../src/lab/cli/engine';
import { config, device, fakeRuntime, run } from './helpers';

describe('views and prompts', () => {
  it('shows each view in the prompt', () => {
    const d = device();
    const s = new CliSession(d);
    const prompts: string[] = [];
    for (const l of ['system-view', 'interface GigabitEthernet1/0/1', 'quit', 'remote-backup group', 'quit', 'track 1 interface GigabitEthernet1/0/1', 'quit', 'local-user admin class manage', 'return']) {
      s.execute(l);
      prompts.push(s.prompt());
    }
    expect(prompts).toEqual(['[FW1]', '[FW1-GigabitEthernet1/0/1]', '[FW1]', '[FW1-remote-backup-group]', '[FW1]', '[FW1-track-1]', '[FW1]', '[FW1-luser-manage-admin]', '<FW1>']);
  });

  it('prints the system-view banner and takes the RBM prefix from the runtime', () => {
    const d = device();
    d.attachRbm(fakeRuntime());
    expect(run(d, ['system-view', 'quit'])).toEqual(['RBM_P<FW1>system-view', 'System View: return to User View with Ctrl+Z.', 'RBM_P[FW1]quit']);
  });

  it('logs out with quit in user view', () => {
    const s = new CliSession(device());
    expect(s.execute('quit').logout).toBe(true);
  });

  it('follows a sysname change at once', () => {
    const d = device();
    const s = new CliSession(d);
    s.execute('system-view');
    s.execute('sysname Edge-FW');
    expect(s.prompt()).toBe('[Edge-FW]');
  });
});

describe('errors with the caret under the bad token', () => {
  const cases: [string, string[], string, string][] = [
    ['unrecognized first word', [], 'displya version', "     ^\n % Unrecognized command found at '^' position."],
    ['unrecognized keyword later', [], 'display versio1', "             ^\n % Unrecognized command found at '^' position."],
    ['incomplete', [], 'display', "             ^\n % Incomplete command found at '^' position."],
    ['incomplete after blanks', [], 'display   ', `${' '.repeat('<FW1>display   '.length)}^\n % Incomplete command found at '^' position.`],
    ['ambiguous', ['system-view', 'remote-backup group'], 'de', "                         ^\n % Ambiguous command found at '^' position."],
    ['too many parameters', ['system-view'], 'sysname a b', `${' '.repeat('[FW1]sysname a '.length)}^\n % Too many parameters found at '^' position.`],
    ['wrong parameter (bad IP)', ['system-view', 'interface GigabitEthernet1/0/1'], 'ip address 10.1.1.300 24', `${' '.repeat('[FW1-GigabitEthernet1/0/1]ip address '.length)}^\n % Wrong parameter found at '^' position.`],
    ['wrong parameter (out of range)', ['system-view', 'remote-backup group'], 'keepalive count 2', "                                         ^\n % Wrong parameter found at '^' position."],
  ];
  it.each(cases)('%s', (_name, setup, line, expected) => {
    const d = device();
    const out = run(d, [...setup, line]);
    expect(out.slice(-2).join('\n')).toBe(expected);
  });

  it('positions the caret by the prompt length, also with the RBM prefix', () => {
    const d = device();
    d.attachRbm(fakeRuntime());
    const out = run(d, ['dsp']);
    expect(out[0]).toBe('RBM_P<FW1>dsp');
    expect(out[1]).toBe(`${' '.repeat('RBM_P<FW1>'.length)}^`);
  });

  it('creates logical interfaces on entry and removes them with undo', () => {
    const d = device();
    run(d, ['system-view', 'interface LoopBack0', 'ip address 1.1.1.1 32', 'quit', 'interface Route-Aggregation1', 'description bundle']);
    expect(config(d)).toContain('interface LoopBack0');
    expect(d.interfaces().find((i) => i.name === 'LoopBack0')?.address).toBe('1.1.1.1/32');
    expect(run(d, ['system-view', 'undo interface LoopBack0'])).toHaveLength(3); // echo lines only: no error
    expect(config(d)).not.toContain('interface LoopBack0');
    expect(run(d, ['system-view', 'undo interface GigabitEthernet1/0/1']).at(-1)).toMatch(/^Error: /);
  });

  it('aggregation membership: needs the aggregate, shows in the seam, refused as an RBM monitored port', () => {
    const d = device();
    expect(run(d, ['system-view', 'interface GigabitEthernet1/0/5', 'port link-aggregation group 1']).at(-1)).toMatch(/^Error: /);
    run(d, ['system-view', 'interface Route-Aggregation1', 'quit', 'interface GigabitEthernet1/0/5', 'port link-aggregation group 1']);
    expect(d.interfaces().find((i) => i.name === 'GigabitEthernet1/0/5')?.aggregateMember).toBe('Route-Aggregation1');
    expect(config(d)).toContain('port link-aggregation group 1');
    expect(run(d, ['system-view', 'remote-backup group', 'track interface GigabitEthernet1/0/5']).at(-1)).toBe('Error: Aggregation member ports cannot be monitored.');
    run(d, ['system-view', 'undo interface Route-Aggregation1']);
    expect(d.interfaces().find((i) => i.name === 'GigabitEthernet1/0/5')?.aggregateMember).toBeUndefined();
  });

  it('refuses a nonexistent interface and a command of another view', () => {
    const d = device();
    expect(run(d, ['system-view', 'interface GigabitEthernet1/0/99'])).toContain('Error: Interface GigabitEthernet1/0/99 does not exist.');
    expect(run(d, ['system-view', 'ip address 10.1.1.1 24']).at(-1)).toBe(" % Unrecognized command found at '^' position.");
  });
});

describe('abbreviations and aliases', () => {
  it('accepts unique prefixes of every keyword and short interface names', () => {
    const d = device();
    const out = run(d, ['sys', 'int g1/0/1', 'ip add 10.1.1.1 255.255.255.0', 'qu', 'int GE1/0/2', 'desc to core', 'quit', 'int gigabitethernet 1/0/3', 'shut', 'ret', 'dis cur']);
    expect(out.filter((l) => l.includes('%'))).toEqual([]);
    const c = config(d);
    expect(c).toContain('ip address 10.1.1.1 255.255.255.0');
    expect(c).toContain('description to core');
    expect(c.join('\n')).toContain('interface GigabitEthernet1/0/3\nshutdown');
  });

  it('maps show, write, no, hostname, exit and end', () => {
    const d = device();
    const out = run(d, ['show clock', 'system-view', 'hostname FW7', 'interface GigabitEthernet1/0/1', 'shutdown', 'no shutdown', 'exit', 'end', 'write force']);
    expect(out).toContain('14:00:00.123 UTC Wed 11/25/2026');
    expect(out).toContain('Saved the current configuration to mainboard device successfully.');
    expect(d.saved.sysname).toBe('FW7');
    expect(d.running.interfaces.find((i) => i.name === 'GigabitEthernet1/0/1')?.shutdown).toBe(false);
  });

  it('filters display output with | include and | begin', () => {
    const d = device();
    run(d, ['system-view', 'remote-backup group', 'local-ip 10.2.1.1']);
    expect(run(d, ['display current-configuration | include local-ip']).slice(1)).toEqual([' local-ip 10.2.1.1']);
    expect(run(d, ['dis cur | begin remote-backup']).slice(1)).toEqual(['remote-backup group', ' local-ip 10.2.1.1', '#', 'return']);
  });
});

describe('undo and refusals from the RBM restrictions', () => {
  it('refuses mirroring without control channel and role, and VRRP once mirroring runs', () => {
    const d = device();
    const out = run(d, ['system-view', 'remote-backup group', 'backup-mode mirroring']);
    expect(out.at(-1)).toMatch(/^Error: /);
    run(d, ['system-view', 'remote-backup group', 'local-ip 10.2.1.1', 'remote-ip 10.2.1.2', 'device-role auto', 'backup-mode mirroring']);
    expect(d.running.rbm?.mode).toBe('mirroring');
    expect(run(d, ['system-view', 'interface GigabitEthernet1/0/1', 'vrrp vrid 1 virtual-ip 10.1.1.3 active']).at(-1)).toMatch(/^Error: /);
  });

  it('undo remote-backup group removes the whole section', () => {
    const d = device();
    run(d, ['system-view', 'remote-backup group', 'device-role primary', 'quit', 'undo remote-backup group']);
    expect(config(d)).not.toContain('remote-backup group');
  });

  it('object groups: own view, sequence numbers, undo by entry or number', () => {
    const d = device();
    const out = run(d, ['system-view', 'object-group ip address web', 'network host address 10.1.1.10', '20 network subnet 10.3.0.0 255.255.0.0', 'display this']);
    expect(out).toContain('[FW1-obj-grp-ip-web]display this');
    expect(out.slice(-6)).toEqual(['#', 'object-group ip address web', ' 0 network host address 10.1.1.10', ' 20 network subnet 10.3.0.0 255.255.0.0', '#', 'return']);
    run(d, ['system-view', 'object-group ip address web', 'undo 20', 'undo network host address 10.1.1.10']);
    expect(d.running.objectGroups[0]?.entries).toEqual([]);
  });

  it('prints display this per view', () => {
    const d = device();
    const out = run(d, ['system-view', 'interface GigabitEthernet1/0/1', 'ip address 10.1.1.1 24', 'display this']);
    expect(out.slice(-5)).toEqual(['#', 'interface GigabitEthernet1/0/1', ' ip address 10.1.1.1 255.255.255.0', '#', 'return']);
  });
});
