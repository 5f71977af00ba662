import { describe, expect, it } from 'vitest';
import { accepts, buildPlan, linkRefusal, monitoredInterfaces, pairRefusal, parseProbe, releaseNote, ROLE_SWAP_CONFIRMATION } from '../../../src/core/drill/plan';
import type { DeviceFacts } from '../../../src/core/model/facts';
import { examplePair } from '../../workflows/lab-pair';

const facts = (release: string | undefined, interfaces: DeviceFacts['interfaces'] = []): DeviceFacts => ({ interfaces, vrrp: [], tracks: [], warnings: [], ...(release ? { release } : {}) });
const COMMANDS = { switchover: 'switchover request', shutdown: 'shutdown', undoShutdown: 'undo shutdown' };

describe('what a drill refuses', () => {
  it('dual-active pairs (both devices are Active: nothing to move)', () => {
    expect(pairRefusal(examplePair('dual-active-vrrp'), { kind: 'switchover' })).toMatch(/dual-active/);
    expect(pairRefusal(examplePair('lab'), { kind: 'switchover' })).toBeUndefined();
    expect(pairRefusal(examplePair('lab'), { kind: 'link', interface: 'GigabitEthernet1/0/2' })).toBeUndefined();
  });

  it('link: only a monitored interface, never the RBM channel, the management interface or the one carrying HotPair’s connection', () => {
    const pair = examplePair('lab');
    expect(monitoredInterfaces(pair)).toEqual(['GigabitEthernet1/0/2']);
    expect(linkRefusal(pair, 'GigabitEthernet1/0/2', 'a', '127.0.0.1')).toBeUndefined();
    expect(linkRefusal(pair, 'GigabitEthernet1/0/2', 'a', undefined)).toBeUndefined(); // over the console
    expect(linkRefusal(pair, 'GigabitEthernet1/0/1', 'a', undefined)).toMatch(/not monitored .* would not make RBM switch over/);
    // HotPair reaches device A through the uplink's subnet: shutting it would cut the drill off.
    expect(linkRefusal(pair, 'GigabitEthernet1/0/2', 'a', '10.1.2.50')).toMatch(/carries HotPair's own management connection to device A \(10\.1\.2\.50\)/);
    expect(linkRefusal(pair, 'gigabitethernet1/0/2', 'a', '10.1.2.1')).toMatch(/management connection/);
    // …also when only discovery knows the interface's address.
    expect(linkRefusal(pair, 'GigabitEthernet1/0/2', 'a', '172.16.0.9', facts(undefined, [{ name: 'GigabitEthernet1/0/2', address: '172.16.0.1/24' }]))).toMatch(/management connection/);
    expect(linkRefusal(pair, 'GigabitEthernet1/0/2', 'a', 'fw-a.example')).toMatch(/connect by IP address/);

    const channel = examplePair('lab', (p) => void (p.monitor = { interfaces: ['GigabitEthernet1/0/3'] }));
    expect(linkRefusal(channel, 'GigabitEthernet1/0/3', 'a', undefined)).toMatch(/data channel/);
    const mgmt = examplePair('lab', (p) => {
      p.monitor = { interfaces: ['GigabitEthernet1/0/5'] };
      p.devices.a.managementInterface = 'GigabitEthernet1/0/5';
    });
    expect(linkRefusal(mgmt, 'GigabitEthernet1/0/5', 'a', undefined)).toMatch(/management interface/);
  });
});

describe('the release note', () => {
  it('names releases whose manual operation may swap the roles, and asks for that to be named', () => {
    const n = releaseNote({ a: facts('Release 9620P06'), b: facts('Release 9620P06') });
    expect(n?.confirm).toBe(true);
    expect(n?.text).toMatch(/device A runs Release 9620P06: .*"primary\/secondary member switchover".*direction of configuration sync/);
    expect(releaseNote({ a: facts('ESS 1171P23'), b: facts('ESS 1171P23') })).toBeUndefined();
    expect(releaseNote({ a: facts(undefined), b: facts('ESS 1171P23') })).toMatchObject({ confirm: false, text: expect.stringMatching(/could not be read/) });
  });

  it('a plan with the note needs the named word; without it, yes', () => {
    const pair = examplePair('lab');
    const note = releaseNote({ a: facts('Release 9620P06'), b: facts('Release 9620P06') });
    const plan = buildPlan({ pair, kind: { kind: 'switchover' }, from: 'a', on: 'a', probes: [{ host: '10.1.1.3', port: 443 }], measureSwitchback: true, note, commands: COMMANDS });
    expect(plan.confirmWord).toBe(ROLE_SWAP_CONFIRMATION);
    expect(plan.lines.join('\n')).toMatch(/Note: .*Type "swap roles" to go ahead anyway/);
    expect(accepts(plan, 'yes')).toBe(false);
    expect(accepts(plan, true)).toBe(false);
    expect(accepts(plan, ' Swap Roles ')).toBe(true);
    const plain = buildPlan({ pair, kind: { kind: 'switchover' }, from: 'a', on: 'a', probes: [], measureSwitchback: false, commands: COMMANDS });
    expect(plain.confirmWord).toBeUndefined();
    expect(accepts(plain, 'y')).toBe(true);
    expect(accepts(plain, 'no')).toBe(false);
    expect(accepts(plain, '')).toBe(false);
  });
});

describe('the plan', () => {
  it('says what it interrupts, how it triggers and how the pair comes back', () => {
    const pair = examplePair('lab');
    const link = buildPlan({ pair, kind: { kind: 'link', interface: 'GigabitEthernet1/0/2' }, from: 'a', on: 'a', probes: [{ host: '10.1.1.3', port: 80 }], measureSwitchback: true, commands: COMMANDS }).lines.join('\n');
    expect(link).toMatch(/move the Active role from A \(FW1\) to B \(FW2\)/);
    expect(link).toMatch(/"shutdown" on GigabitEthernet1\/0\/2 of device A \(FW1\)/);
    expect(link).toMatch(/It interrupts: traffic through 10\.1\.1\.3/);
    expect(link).toMatch(/RBM falls back by itself after its 5 s delay; the drill waits for it and measures it/);
    expect(link).toMatch(/every 50 ms to 10\.1\.1\.3:80/);
    const sw = buildPlan({ pair: examplePair('lab', (p) => void (p.fallback = { enabled: false, delaySeconds: 5 })), kind: { kind: 'switchover' }, from: 'a', on: 'a', probes: [], measureSwitchback: false, commands: COMMANDS });
    expect(sw.lines.join('\n')).toMatch(/"switchover request" typed on device A/);
    expect(sw.lines.join('\n')).toMatch(/runs the manual switchover again \(not measured: add --fallback to measure it\)/);
  });

  it('reads --probe HOST:PORT and [IPv6]:PORT, and refuses anything else', () => {
    expect(parseProbe('10.1.1.3:443')).toEqual({ ok: true, target: { host: '10.1.1.3', port: 443 } });
    expect(parseProbe('[2001:db8::1]:80')).toEqual({ ok: true, target: { host: '2001:db8::1', port: 80 } });
    expect(parseProbe('web.example:8080')).toEqual({ ok: true, target: { host: 'web.example', port: 8080 } });
    for (const bad of ['10.1.1.3', '10.1.1.3:0', '10.1.1.3:70000', ':80', '2001:db8::1:80']) expect(parseProbe(bad).ok).toBe(false);
  });
});
