import { describe, expect, it } from 'vitest';
import { Pair, peerIp } from '../../../src/core/model/pair';

const minimal = {
  name: 'site-1',
  devices: {
    a: { sysname: 'FW1', connect: 'ssh://admin@127.0.0.1:2201', controlChannel: { localIp: '10.2.1.1' }, dataChannel: { interface: 'GigabitEthernet1/0/3' } },
    b: { sysname: 'FW2', connect: 'serial:///dev/ttyUSB0?baud=9600', controlChannel: { localIp: '10.2.1.2' }, dataChannel: { interface: 'GigabitEthernet1/0/3' } },
  },
};

describe('pair file model', () => {
  it('fills the documented defaults (port 60064, keepalive 1 s x 10, active/standby)', () => {
    const p = Pair.parse(minimal);
    expect(p.mode).toBe('active-standby');
    expect(p.controlChannel).toEqual({ port: 60064, keepalive: { intervalSeconds: 1, count: 10 } });
    expect(p.consistencyCheck.schedule).toEqual({ every: '1h' });
  });

  it('derives each peer IP from the other device, so the two cannot disagree', () => {
    const p = Pair.parse(minimal);
    expect(peerIp(p, 'a')).toBe('10.2.1.2');
    expect(peerIp(p, 'b')).toBe('10.2.1.1');
  });

  it('names the path of a bad address and what is expected', () => {
    const bad = structuredClone(minimal);
    bad.devices.b.controlChannel.localIp = '10.2.1.300';
    const r = Pair.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['devices', 'b', 'controlChannel', 'localIp']);
    expect(r.error!.issues[0]!.message).toMatch(/IPv4 or IPv6 address/);
  });

  it('refuses a password written into a connect URL', () => {
    const bad = structuredClone(minimal);
    bad.devices.a.connect = 'ssh://admin:secret@127.0.0.1:22';
    const r = Pair.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/never written/);
  });
});
