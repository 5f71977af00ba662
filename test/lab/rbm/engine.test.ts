import { afterEach, describe, expect, it } from 'vitest';
import { fakePair, waitFor, type FakePair } from './helpers';

/** Fast keepalive where timing is not what the test is about: 200 ms × 3. */
const FAST = { keepalive: { intervalMs: 200, count: 3 } };
/** Upper bound for the channel to come up and elect on loopback (first client retry included). */
const UP_MS = 3_000;

let pair: FakePair | undefined;
afterEach(() => {
  pair?.stop();
  pair = undefined;
});

function up(p: FakePair): Promise<number> {
  return waitFor(() => p.ea.runningStatus() === 'Active' && p.eb.runningStatus() === 'Standby', UP_MS, 'A Active / B Standby');
}

describe('RBM control channel and election (fake devices)', () => {
  it('connects (higher IP listens), elects the primary Active and shows both blocks', async () => {
    pair = fakePair({}, {}, FAST);
    await up(pair);
    const st = pair.ea.status();
    expect(st.local).toMatchObject({ runningStatus: 'Active', role: 'primary', controlChannel: 'Connected', localIp: '10.2.1.1' });
    await waitFor(() => pair!.ea.status().peer?.runningStatus === 'Standby', UP_MS, 'peer block');
    expect(pair.ea.status().peer).toMatchObject({ role: 'secondary', localIp: '10.2.1.2' });
    expect(pair.ea.promptPrefix()).toBe('RBM_P');
    expect(pair.eb.promptPrefix()).toBe('RBM_S');
    expect(pair.a.logsMatching(/RBM\/6\/RBM_CHANNEL: Local IP=10\.2\.1\.1, remote IP=10\.2\.1\.2, status=Connected/)).toHaveLength(1);
  });

  it('power-off of the active: the standby is Active within 3–4 s (keepalive 1 s × 3), cause Peer lost', async () => {
    pair = fakePair(); // the configured 1 s × 3, no override
    await waitFor(() => pair!.ea.runningStatus() === 'Active' && pair!.eb.runningStatus() === 'Standby', 6_000, 'initial election');
    const t0 = Date.now();
    pair.a.powerOff();
    await waitFor(() => pair!.eb.runningStatus() === 'Active', 6_000, 'B Active', 10);
    const took = Date.now() - t0;
    // 3 unanswered keepalives at 1 s: detection falls in (3, 4] s; slack for a loaded 2-core CI box.
    expect(took).toBeGreaterThanOrEqual(2_900);
    expect(took).toBeLessThanOrEqual(4_600);
    expect(pair.eb.status().switchovers.at(-1)).toMatchObject({ from: 'Standby', to: 'Active', cause: 'Peer lost' });
    expect(pair.b.logsMatching(/status=Disconnected/)).toHaveLength(1);
  });

  it('keepalive and data-channel changes on a running primary keep its control channel: the secondary sees no peer loss', async () => {
    pair = fakePair(); // the configured keepalive, so a change to it is a change the engine sees
    await waitFor(() => pair!.ea.runningStatus() === 'Active' && pair!.eb.runningStatus() === 'Standby', 6_000, 'initial election');
    await waitFor(() => pair!.ea.status().local.dataChannelState === 'Up', UP_MS, 'data channel up');
    // What commissioning types after local-ip/remote-ip: keepalive interval and count, the data-channel interface.
    pair.a.configure({ ...pair.a.rbmConfig()!, keepaliveCount: 5 });
    pair.a.configure({ ...pair.a.rbmConfig()!, dataChannelInterface: 'GigabitEthernet1/0/1' });
    await waitFor(() => pair!.ea.status().local.dataChannelState === 'Up', UP_MS, 'data channel back on the new interface');
    await new Promise((r) => setTimeout(r, 500));
    expect(pair.b.logsMatching(/status=Disconnected/)).toHaveLength(0);
    expect([pair.ea.runningStatus(), pair.eb.runningStatus()]).toEqual(['Active', 'Standby']);
    expect(pair.eb.status().switchovers).toHaveLength(1);
  });

  it('a returning primary stays Standby without switchback', async () => {
    pair = fakePair({}, {}, FAST);
    await up(pair);
    pair.a.powerOff();
    await waitFor(() => pair!.eb.runningStatus() === 'Active', 2_000, 'B Active');
    pair.a.powerOn();
    await waitFor(() => pair!.ea.runningStatus() === 'Standby', UP_MS, 'A Standby after return');
    await new Promise((r) => setTimeout(r, 800));
    expect(pair.eb.runningStatus()).toBe('Active');
  });

  it('falls back to the original active after the delay when it recovers (switchback + delay-time)', async () => {
    pair = fakePair({ switchback: true, delaySeconds: 1 }, {}, FAST);
    await up(pair);
    pair.a.powerOff();
    await waitFor(() => pair!.eb.runningStatus() === 'Active', 2_000, 'B Active');
    pair.a.powerOn();
    await waitFor(() => pair!.ea.runningStatus() === 'Standby', UP_MS, 'A back as Standby');
    const t0 = Date.now();
    const took = await waitFor(() => pair!.ea.runningStatus() === 'Active', 4_000, 'fallback to A');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(800); // not before the 1 s delay (minus poll slack)
    expect(took).toBeLessThan(3_000);
    expect(pair.eb.runningStatus()).toBe('Standby');
    expect(pair.ea.status().switchovers.at(-1)).toMatchObject({ from: 'Standby', to: 'Active', cause: 'Fallback after recovery' });
  });

  it('track entry Negative on the active → switchover with cause, VRRP master follows (five-step sequence)', async () => {
    pair = fakePair({ tracks: [1] }, {}, FAST);
    pair.a.vrrp = [{ interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'active' }];
    pair.b.vrrp = [{ interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'standby' }];
    await up(pair);
    expect([pair.ea.vrrpState('active'), pair.eb.vrrpState('standby')]).toEqual(['Master', 'Backup']);
    pair.a.forceTrack(1, 'Negative');
    await waitFor(() => pair!.eb.runningStatus() === 'Active' && pair!.ea.runningStatus() === 'Standby', 2_000, 'switchover');
    expect(pair.ea.status().switchovers.at(-1)).toMatchObject({ from: 'Active', to: 'Standby', cause: 'Track status changed' });
    expect(pair.eb.status().switchovers.at(-1)).toMatchObject({ from: 'Standby', to: 'Active', cause: 'Track status changed' });
    expect([pair.ea.vrrpState('active'), pair.eb.vrrpState('standby')]).toEqual(['Backup', 'Master']);
    expect(pair.b.logsMatching(/VRRP4\/6\/VRRP_STATUS_CHANGE: .*virtual router 1 .*from Backup to Master/)).toHaveLength(1);
    expect(pair.a.logsMatching(/VRRP_STATUS_CHANGE: .*from Master to Backup/)).toHaveLength(1);
    // Step 2 precedes step 4: B became Master before A became Backup.
    const bAt = pair.eb.status().switchovers.at(-1)!.time.getTime();
    const aAt = pair.ea.status().switchovers.at(-1)!.time.getTime();
    expect(bAt).toBeLessThanOrEqual(aAt);
  });

  it('monitored interface down → switchover with cause Interface status changed; no switchover if the standby is also down', async () => {
    pair = fakePair({ monitorInterfaces: ['GigabitEthernet1/0/1'] }, {}, FAST);
    await up(pair);
    pair.b.setLink('GigabitEthernet1/0/1', false);
    pair.a.setLink('GigabitEthernet1/0/1', false);
    await new Promise((r) => setTimeout(r, 600));
    expect(pair.ea.runningStatus()).toBe('Active');
    pair.b.setLink('GigabitEthernet1/0/1', true);
    await waitFor(() => pair!.eb.runningStatus() === 'Active', 2_000, 'switchover to the healthy B');
    expect(pair.eb.status().switchovers.at(-1)?.cause).toBe('Interface status changed');
  });

  it('manual switchover typed on the standby runs on the active; records Manual switchover', async () => {
    pair = fakePair({}, {}, FAST);
    await up(pair);
    expect(pair.eb.switchover()).toEqual({ ok: true });
    await waitFor(() => pair!.eb.runningStatus() === 'Active' && pair!.ea.runningStatus() === 'Standby', 2_000, 'manual switchover');
    expect(pair.ea.status().switchovers.at(-1)?.cause).toBe('Manual switchover');
    expect(pair.ea.peerActive()).toMatchObject({ ok: false });
  });

  it('cut control channel: both go Active after keepalive loss; heal re-elects the primary', async () => {
    pair = fakePair({}, {}, FAST);
    await up(pair);
    pair.net.cut = true;
    await waitFor(() => pair!.eb.runningStatus() === 'Active', 2_000, 'split brain');
    expect(pair.ea.runningStatus()).toBe('Active');
    pair.net.cut = false;
    await up(pair);
    expect(pair.eb.status().switchovers.at(-1)?.cause).toBe('Election');
  });

  it('link-down on the channel interface silences the channel (keepalive loss); link-up re-elects', async () => {
    pair = fakePair({}, {}, FAST);
    await up(pair);
    pair.a.setLink('GigabitEthernet1/0/3', false);
    await waitFor(() => pair!.eb.runningStatus() === 'Active' && !pair!.ea.controlConnected(), 2_000, 'channel lost');
    expect(pair.b.logsMatching(/status=Disconnected/)).toHaveLength(1);
    pair.a.setLink('GigabitEthernet1/0/3', true);
    await up(pair);
  });

  it('a local IP that no interface has cannot be bound: RBM_CHANNEL_BIND_FAILED, no channel', async () => {
    pair = fakePair({}, { localIp: '10.9.9.9' }, FAST);
    await new Promise((r) => setTimeout(r, 800));
    expect(pair.b.logsMatching(/RBM\/4\/RBM_CHANNEL_BIND_FAILED: Failed to bind local IP 10\.9\.9\.9/)).toHaveLength(1);
    expect(pair.eb.controlConnected()).toBe(false);
    expect(pair.ea.runningStatus()).toBe('Active'); // alone after the keepalive budget
  });
});
