import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPairText, type LoadError } from '../../../src/core/model/load';
import { keysAt, nearestKey } from '../../../src/core/model/schema-keys';
import { Pair } from '../../../src/core/model/pair';
import { formatPath, parsePath } from '../../../src/core/model/path';

const GOOD = `name: site-1
mode: active-standby
controlChannel:
  keepalive: { intervalSeconds: 1, count: 3 }
devices:
  a:
    sysname: FW1
    role: primary
    connect: ssh://admin@127.0.0.1:2201
    controlChannel: { localIp: 10.2.1.1 }
    dataChannel: { interface: GigabitEthernet1/0/3 }
  b:
    sysname: FW2
    role: secondary
    connect: ssh://admin@127.0.0.1:2202
    controlChannel: { localIp: 10.2.1.2 }
    dataChannel: { interface: GigabitEthernet1/0/3 }
`;

function errors(text: string): LoadError[] {
  const r = loadPairText(text, 'pair.yaml');
  if (r.ok) throw new Error('expected the load to fail');
  return r.errors;
}

describe('loadPairText', () => {
  it('reads a YAML pair, fills defaults and knows where every node is', () => {
    const r = loadPairText(GOOD, 'pair.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pair.controlChannel).toEqual({ port: 60064, keepalive: { intervalSeconds: 1, count: 3 } });
    expect(r.diagnostics).toBeUndefined();
    expect(r.positions['devices.b.controlChannel.localIp']).toEqual({ line: 16, column: 32 });
    expect(r.positions['devices.a']).toEqual({ line: 7, column: 5 });
  });

  it('reads JSON (JSON is YAML) and accepts a $schema key', () => {
    const json = JSON.stringify({ $schema: '../pair.schema.json', ...(loadPairText(GOOD, 'x') as { pair: object }).pair });
    const r = loadPairText(json, 'pair.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pair.name).toBe('site-1');
  });

  it('gives the line and column of a YAML syntax error', () => {
    // yaml notices an unclosed flow list where the next key starts.
    const e = errors('name: x\ndevices:\n  a: [1, 2\n  b: 3\n');
    expect(e).toMatchObject([{ kind: 'syntax', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', line: 4, column: 3 }]);
    expect(errors('name: x\ndevices:\n\ta: 1\n')).toMatchObject([{ kind: 'syntax', message: 'Tabs are not allowed as indentation', line: 3, column: 1 }]);
  });

  it('reports a duplicate key as a syntax error at the second key', () => {
    expect(errors('name: a\nname: b\n')[0]).toMatchObject({ kind: 'syntax', line: 2, column: 1 });
  });

  it('refuses a password written in the file with where it must come from instead', () => {
    const e = errors(GOOD.replace(/^( +)sysname: (\S+)$/m, '$1sysname: $2\n$1password: hunter2'));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ kind: 'unknown-key', path: 'devices.a.password' });
    expect(e[0]!.message).toMatch(/^passwords are never written in the pair file; .*passwordEnv/);
    expect(JSON.stringify(e)).not.toContain('hunter2');
  });

  it('names an unknown key, its nearest valid key and where it is', () => {
    const e = errors(GOOD.replace('  keepalive:', '  keepalve:'));
    expect(e).toMatchObject([
      { kind: 'unknown-key', path: 'controlChannel.keepalve', message: 'unknown key "keepalve" — did you mean keepalive?', expected: 'one of: port, keepalive', line: 4, column: 3 },
    ]);
  });

  it('does not also call the misspelt key missing', () => {
    const e = errors(GOOD.replace('controlChannel: { localIp: 10.2.1.2 }', 'controlChannel: { localIP: 10.2.1.2 }'));
    expect(e.map((x) => x.path)).toEqual(['devices.b.controlChannel.localIP']);
    expect(e[0]!.message).toContain('did you mean localIp?');
    expect(e[0]).toMatchObject({ line: 16, column: 23 });
  });

  it('offers no suggestion when nothing is near', () => {
    const e = errors(`${GOOD}zebra: 1\n`);
    expect(e[0]!.message).toBe('unknown key "zebra"');
    expect(e[0]!.expected).toContain('devices');
  });

  it('gives path, expectation and position of a wrong type', () => {
    const e = errors(GOOD.replace('count: 3', 'count: three'));
    expect(e).toMatchObject([{ kind: 'invalid', path: 'controlChannel.keepalive.count', message: 'expected a number, got string "three"', expected: 'number', line: 4, column: 43 }]);
  });

  it('gives path, expectation and position of a bad address', () => {
    const e = errors(GOOD.replace('localIp: 10.2.1.1', 'localIp: 10.2.1.300'));
    expect(e[0]).toMatchObject({ kind: 'invalid', path: 'devices.a.controlChannel.localIp', line: 10, column: 32 });
    expect(e[0]!.message).toMatch(/expected an IPv4 or IPv6 address.*got string "10.2.1.300"/);
  });

  it('lists the allowed values of an enum', () => {
    const e = errors(GOOD.replace('mode: active-standby', 'mode: active'));
    expect(e[0]).toMatchObject({ path: 'mode', expected: 'active-standby | dual-active | mirroring', line: 2, column: 7 });
  });

  it('points a missing required key at its parent', () => {
    const e = errors(GOOD.replace('    sysname: FW2\n', ''));
    expect(e).toMatchObject([{ kind: 'invalid', path: 'devices.b.sysname', message: 'missing required key "sysname" (string)', expected: 'string', line: 13, column: 5 }]);
  });

  it('explains the forms of a schedule that matches none', () => {
    const e = errors(`${GOOD}consistencyCheck: { schedule: 5 }\n`);
    expect(e).toMatchObject([
      { kind: 'invalid', path: 'consistencyCheck.schedule', message: 'expected { every: … } | { daily: … } | { weekly: … }, got number 5', expected: '{ every: … } | { daily: … } | { weekly: … }', line: 18, column: 31 },
    ]);
    const unknown = errors(`${GOOD}consistencyCheck: { schedule: { monthly: 1 } }\n`);
    expect(unknown[0]).toMatchObject({ kind: 'unknown-key', path: 'consistencyCheck.schedule.monthly', expected: '{ every: … } | { daily: … } | { weekly: … }', line: 18, column: 33 });
  });

  it('suggests the key of a union form, and asks for one form only', () => {
    const typo = errors(`${GOOD}routing: { ospf: { absolut: 5 } }\n`);
    expect(typo).toMatchObject([
      { kind: 'unknown-key', path: 'routing.ospf.absolut', message: 'unknown key "absolut" — did you mean absolute?', expected: '{ absolute: … } | { increment: … }', line: 18, column: 20 },
    ]);
    const both = errors(`${GOOD}consistencyCheck: { schedule: { every: 1h, daily: "02:00" } }\n`);
    expect(both[0]!.message).toBe('expected exactly one of { every: … } | { daily: … } | { weekly: … }, got a mapping');
  });

  it('reports range problems of numbers and the index of list items', () => {
    const e = errors(`${GOOD}track: [{ id: 1 }, { id: 0 }]\n`);
    expect(e[0]).toMatchObject({ path: 'track[1].id', message: 'expected value ≥ 1, got number 0', line: 18, column: 26 });
  });

  it('refuses an empty file and a top-level list', () => {
    expect(errors('')[0]!.message).toMatch(/pair.yaml is empty/);
    expect(errors('# only a comment\n')[0]!.message).toMatch(/empty/);
    expect(errors('- a\n- b\n')[0]).toMatchObject({ kind: 'invalid', line: 1, column: 1 });
  });

  it('passes YAML warnings on as diagnostics', () => {
    const r = loadPairText(GOOD.replace('name: site-1', 'name: !custom site-1'), 'pair.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.diagnostics?.[0]).toMatchObject({ rule: 'file.yaml', severity: 'warning' });
  });

  it('never throws and never shows a stack, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => GOOD.slice(0, s.length * 7 % GOOD.length) + s)), (text) => {
        const r = loadPairText(text, 'f.yaml');
        if (!r.ok) for (const e of r.errors) expect(e.message).not.toMatch(/\n\s+at /);
      }),
      { numRuns: 300 },
    );
  });
});

describe('key suggestions', () => {
  it('knows the keys at a path of the schema, through defaults, arrays and unions', () => {
    expect(keysAt(Pair, ['controlChannel'])).toEqual(['port', 'keepalive']);
    expect(keysAt(Pair, ['vrrp', 0])).toEqual(['interface', 'vrid', 'virtualIp', 'group', 'mode']);
    expect(keysAt(Pair, ['consistencyCheck', 'schedule'])).toEqual(['every', 'daily', 'weekly']);
    expect(keysAt(Pair, ['devices', 'a', 'interfaces', 3])).toContain('aggregateMember');
    expect(keysAt(Pair, ['name'])).toEqual([]);
  });

  it('finds case slips, typos and prefixes, and nothing for strangers', () => {
    expect(nearestKey('KeepAlive', ['port', 'keepalive'])).toBe('keepalive');
    expect(nearestKey('vird', ['vrid', 'virtualIp'])).toBe('vrid');
    expect(nearestKey('interval', ['intervalSeconds', 'count'])).toBe('intervalSeconds');
    expect(nearestKey('zebra', ['port', 'keepalive'])).toBeUndefined();
  });
});

describe('paths', () => {
  it('writes keys dotted and list items in brackets, and reads them back', () => {
    const segs = ['devices', 'a', 'interfaces', 2, 'address'];
    expect(formatPath(segs)).toBe('devices.a.interfaces[2].address');
    expect(parsePath('devices.a.interfaces[2].address')).toEqual(segs);
    expect(formatPath([])).toBe('');
    expect(parsePath('vrrp[0]')).toEqual(['vrrp', 0]);
  });
});
