import { afterEach, describe, expect, it } from 'vitest';
import { fakePair, waitFor, type FakePair } from './helpers';

const FAST = { keepalive: { intervalMs: 200, count: 3 } };
const UP_MS = 3_000;

let pair: FakePair | undefined;
afterEach(() => {
  pair?.stop();
  pair = undefined;
});

async function up(p: FakePair): Promise<void> {
  await waitFor(() => p.ea.runningStatus() === 'Active' && p.eb.runningStatus() === 'Standby', UP_MS, 'A Active / B Standby');
}

describe('configuration backup and consistency check (fake devices)', () => {
  it('bulk on connect, incremental on change, consistency check Consistent then Inconsistent with the differing lines', async () => {
    pair = fakePair({}, {}, FAST);
    await up(pair);
    await waitFor(() => pair!.b.syncable.join('\n') === 'acl 3000\n rule 0 permit ip', 2_000, 'bulk sync');
    expect(pair.b.logsMatching(/RBM_CFG_BATCH_SYNC/)).toHaveLength(1);
    pair.a.applyConfig(['ip route-static 0.0.0.0 0 10.1.1.254']);
    await waitFor(() => pair!.b.syncable.includes('ip route-static 0.0.0.0 0 10.1.1.254'), 2_000, 'incremental sync');

    expect(pair.ea.syncCheck().result).toBe('Not Performed');
    expect(pair.eb.manualSyncCheck()).toEqual({ ok: true }); // typed on the secondary: the primary runs it
    await waitFor(() => pair!.eb.syncCheck().result === 'Consistent', 2_000, 'Consistent');
    expect(pair.ea.syncCheck()).toMatchObject({ result: 'Consistent', differences: [] });

    pair.b.syncable = ['acl 3000', ' rule 5 deny ip', 'ip route-static 0.0.0.0 0 10.1.1.254']; // edited behind the primary's back
    pair.ea.manualSyncCheck();
    await waitFor(() => pair!.ea.syncCheck().result === 'Inconsistent', 2_000, 'Inconsistent');
    expect(pair.ea.syncCheck().differences.sort()).toEqual(['+  rule 0 permit ip', '-  rule 5 deny ip']);
    expect(pair.eb.status().local.consistency.result).toBe('Inconsistent');
    expect(pair.a.logsMatching(/RBM\/4\/RBM_CFG_COMPARE_RESULT: .*Inconsistent/)).toHaveLength(1);

    expect(pair.eb.manualSync()).toMatchObject({ ok: false });
    expect(pair.ea.manualSync()).toEqual({ ok: true });
    await waitFor(() => pair!.b.syncable.includes(' rule 0 permit ip'), 2_000, 'manual sync');
  });
});

describe('session backup over the data channel (fake devices)', () => {
  it('replicates the active device’s sessions in real time; the new active holds them after a switchover', async () => {
    pair = fakePair({}, {}, FAST);
    await up(pair);
    pair.ea.setTraffic(500);
    pair.eb.setTraffic(500); // the standby creates nothing while Standby
    await waitFor(() => pair!.eb.sessions().receivedFromPeer >= 400, 3_000, 'replicated sessions');
    const a = pair.ea.sessions();
    expect(pair.eb.sessions().createdLocally).toBe(0);
    expect(a.sentToPeer).toBeGreaterThan(0);
    // Real time: what B has lags A by at most a couple of 100 ms batches.
    expect(a.createdLocally - pair.eb.sessions().receivedFromPeer).toBeLessThanOrEqual(500);
    pair.ea.setTraffic(0);
    await waitFor(() => pair!.eb.sessions().total === pair!.ea.sessions().total, 1_000, 'B caught up');
    const held = pair.ea.sessions().total;
    pair.a.powerOff();
    await waitFor(() => pair!.eb.runningStatus() === 'Active', 2_000, 'B Active');
    // B starts creating its own sessions the moment it is Active (traffic is on): count those apart.
    const b = pair.eb.sessions();
    expect(b.total - b.createdLocally).toBe(held);
    await waitFor(() => pair!.eb.sessions().createdLocally > 0, 1_000, 'B creates sessions once Active');
  });
});

describe('dual-active mode (fake devices)', () => {
  it('both Active; standby groups Master only while the peer is not Active; peer-active / peer-standby', async () => {
    pair = fakePair({ mode: 'dual-active' }, {}, FAST);
    pair.a.vrrp = [
      { interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'active' },
      { interface: 'GigabitEthernet1/0/1', vrid: 2, virtualIp: '10.1.1.4', group: 'standby' },
    ];
    await waitFor(() => pair!.ea.runningStatus() === 'Active' && pair!.eb.runningStatus() === 'Active' && pair!.ea.controlConnected(), UP_MS, 'both Active');
    await waitFor(() => pair!.ea.vrrpState('standby') === 'Backup', 1_000, 'standby group Backup while the peer is Active');
    expect(pair.ea.vrrpState('active')).toBe('Master');
    expect(pair.ea.switchover()).toMatchObject({ ok: false });

    expect(pair.eb.peerStandby()).toEqual({ ok: true });
    await waitFor(() => pair!.ea.runningStatus() === 'Standby', 1_000, 'A placed in Standby by B');
    expect(pair.eb.vrrpState('standby')).toBe('Master');
    expect(pair.ea.vrrpState('active')).toBe('Backup');

    expect(pair.eb.peerActive()).toEqual({ ok: true });
    await waitFor(() => pair!.ea.runningStatus() === 'Active' && pair!.eb.runningStatus() === 'Standby', 1_000, 'peer-active');

    expect(pair.ea.resetElection()).toEqual({ ok: true });
    await waitFor(() => pair!.eb.runningStatus() === 'Active', 1_000, 'reset election: both Active again');
    expect(pair.ea.runningStatus()).toBe('Active');
  });
});
