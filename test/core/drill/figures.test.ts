import { describe, expect, it } from 'vitest';
import { answeringBefore, hasMoved, phaseFigures, sessionsPreservedPct, summarize, switchoverMs, targetFigures, unexpectedChanges } from '../../../src/core/drill/figures';
import type { DeviceReading, DrillRecord, ProbeSample, StatusPoll } from '../../../src/core/drill/types';

const T = '10.0.0.1:80';

/** Probes every 50 ms from t=0 to t<end; `down(t)` says whether the service was dark at t. */
function samples(end: number, down: (t: number) => boolean, target = T): ProbeSample[] {
  const out: ProbeSample[] = [];
  for (let t = 0; t < end; t += 50) out.push({ target, start: t, end: t + 1, ok: !down(t), ...(down(t) ? { error: 'ECONNREFUSED' } : {}) });
  return out;
}

const GROUPS = [{ interface: 'GigabitEthernet1/0/1', vrid: 1 }];
const dev = (status: DeviceReading['runningStatus'], vrrp: string, extra: Partial<DeviceReading> = {}): DeviceReading => ({
  runningStatus: status,
  controlChannel: 'Connected',
  consistency: 'Consistent',
  switchovers: 0,
  vrrp: [{ interface: 'GigabitEthernet1/0/1', vrid: 1, state: vrrp }],
  ...extra,
});
const poll = (start: number, a: DeviceReading, b: DeviceReading, took = 20): StatusPoll => ({ start, end: start + took, a, b });

describe('probe figures', () => {
  it('estimates an outage midway between the probes around each edge, within half a probe interval of the truth', () => {
    // Dark from 1020 to 1330 ms: probes at 1050…1300 fail (6 of them).
    const s = samples(3000, (t) => t >= 1020 && t < 1330);
    const f = targetFigures(s, T, 0, 3000);
    expect(f.failed).toBe(6);
    expect(f.probes).toBe(60);
    expect(f.stoppedAt).toBe(1025);
    expect(f.resumedAt).toBe(1325);
    expect(f.interruptionMs).toBe(300);
    expect(Math.abs(f.interruptionMs - 310)).toBeLessThanOrEqual(50);
    expect(f.recovered).toBe(true);
  });

  it('reports 0 without a failed probe, the longest of several outages, and an outage still open at the end', () => {
    expect(targetFigures(samples(2000, () => false), T, 0, 2000)).toMatchObject({ interruptionMs: 0, failed: 0, recovered: true });
    const two = targetFigures(
      samples(3000, (t) => (t >= 500 && t < 600) || (t >= 2000 && t < 2400)),
      T,
      0,
      3000,
    );
    expect(two.failed).toBe(2 + 8);
    expect(two.interruptionMs).toBe(400);
    const open = targetFigures(samples(3000, (t) => t >= 2500), T, 0, 3000);
    expect(open).toMatchObject({ recovered: false, stoppedAt: 2475, interruptionMs: 525 });
    expect(open.resumedAt).toBeUndefined();
  });

  it('counts only the window asked for and only the target asked for', () => {
    const s = [...samples(2000, (t) => t >= 200 && t < 300), ...samples(2000, () => true, '10.0.0.2:443')];
    expect(targetFigures(s, T, 1000, 2000)).toMatchObject({ failed: 0, interruptionMs: 0, probes: 20 });
    expect(targetFigures(s, '10.0.0.2:443', 0, 2000).recovered).toBe(false);
  });

  it('tells a target that answers before the trigger from one that does not', () => {
    const s = samples(1000, (t) => t >= 900);
    expect(answeringBefore(s, T, 800)).toBe(true);
    expect(answeringBefore(s, T, 1000)).toBe(false);
    expect(answeringBefore([], T, 1000)).toBe(false);
  });
});

describe('session and switchover figures', () => {
  it('sessions preserved: share kept by the new Active, capped at 100 %, null with nothing to keep', () => {
    expect(sessionsPreservedPct(200, 190)).toBe(95);
    expect(sessionsPreservedPct(200, 260)).toBe(100);
    expect(sessionsPreservedPct(3, 1)).toBe(33.3);
    expect(sessionsPreservedPct(0, 10)).toBeNull();
    expect(sessionsPreservedPct(undefined, 10)).toBeNull();
  });

  it('moved: the new Active reports Active, the old does not, and every VRRP group changed master', () => {
    expect(hasMoved(poll(0, dev('Standby', 'Backup'), dev('Active', 'Master')), 'b', GROUPS)).toBe(true);
    // Between steps 2 and 4 of the seed's sequence both are Master: not moved yet.
    expect(hasMoved(poll(0, dev('Active', 'Master'), dev('Active', 'Master')), 'b', GROUPS)).toBe(false);
    expect(hasMoved(poll(0, dev('Standby', 'Master'), dev('Active', 'Master')), 'b', GROUPS)).toBe(false);
    expect(hasMoved(poll(0, dev('Standby', 'Backup'), dev('Active', 'Backup')), 'b', GROUPS)).toBe(false);
    expect(hasMoved(poll(0, dev('Standby', 'Backup'), { vrrp: [], error: 'timeout' }), 'b', GROUPS)).toBe(false);
    // Floating IPs only: the running status is what shows them moved.
    expect(hasMoved(poll(0, dev('Standby', 'Backup'), dev('Active', 'Backup')), 'b', [])).toBe(true);
  });

  it('switchover time: trigger to the end of the first poll started after it that showed the move', () => {
    const polls = [
      poll(900, dev('Standby', 'Backup'), dev('Active', 'Master')), // before the trigger: ignored
      poll(1000, dev('Active', 'Master'), dev('Standby', 'Backup')),
      poll(1100, dev('Active', 'Master'), dev('Active', 'Master')),
      poll(1200, dev('Standby', 'Backup'), dev('Active', 'Master'), 35),
      poll(1300, dev('Standby', 'Backup'), dev('Active', 'Master')),
    ];
    expect(switchoverMs(polls, 1000, 'b', GROUPS)).toBe(235);
    expect(switchoverMs(polls.slice(0, 3), 1000, 'b', GROUPS)).toBeNull();
  });

  it('phase figures combine both, and the summary prints them at top level and under switchback', () => {
    const s = samples(3000, (t) => t >= 1020 && t < 1330);
    const polls = [poll(1000, dev('Active', 'Master'), dev('Standby', 'Backup')), poll(1100, dev('Standby', 'Backup'), dev('Active', 'Master'))];
    const f = phaseFigures({ phase: 'switchover', trigger: 'manual', from: 'a', to: 'b', triggeredAt: 1000, until: 3000, polls, samples: s, targets: [T], groups: GROUPS, sessionsBefore: 100, sessionsAfter: 100 });
    expect(f).toMatchObject({ switchoverMs: 120, interruptionMs: 300, failedProbes: 6, sessionsPreservedPct: 100 });
    const none = phaseFigures({ phase: 'switchback', trigger: 'manual', from: 'b', to: 'a', triggeredAt: 1000, until: 3000, polls: [], samples: [], targets: [], groups: GROUPS });
    expect(none).toMatchObject({ switchoverMs: null, interruptionMs: null, failedProbes: null, sessionsPreservedPct: null });
    const record = { pair: 'p', outcome: 'passed', message: 'ok', switchover: f, switchback: none } as unknown as DrillRecord;
    expect(summarize(record)).toEqual({
      pair: 'p',
      outcome: 'passed',
      message: 'ok',
      switchoverMs: 120,
      interruptionMs: 300,
      failedProbes: 6,
      sessionsPreservedPct: 100,
      switchback: { switchoverMs: null, interruptionMs: null, failedProbes: null, sessionsPreservedPct: null },
    });
  });
});

describe('unexpected events', () => {
  const base = poll(0, dev('Active', 'Master'), dev('Standby', 'Backup'));
  it('a device unreachable, a control channel down, a consistency change, a flap', () => {
    const now = poll(
      100,
      { vrrp: [], error: 'drill status poll of 15 s expired.' },
      dev('Active', 'Master', { controlChannel: 'Disconnected', consistency: 'Inconsistent', switchovers: 3 }),
    );
    expect(unexpectedChanges(base, now, 1).map((x) => x.text)).toEqual([
      'device A unreachable: drill status poll of 15 s expired.',
      'device B: control channel Disconnected',
      'device B: configuration consistency changed from Consistent to Inconsistent',
      'device B: 3 running-status changes where the drill caused 1 (a flap)',
    ]);
  });
  it('the switchover the drill caused, and a check not yet run again, are expected', () => {
    const now = poll(100, dev('Standby', 'Backup', { switchovers: 1, consistency: 'Not Performed' }), dev('Active', 'Master', { switchovers: 1 }));
    expect(unexpectedChanges(base, now, 1)).toEqual([]);
  });
});
