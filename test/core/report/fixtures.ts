/** A commissioning journal and a drill record shaped as runPair and the drill write them. */
import type { DrillRecord } from '../../../src/core/drill/types';
import type { DeviceFacts } from '../../../src/core/model/facts';
import type { JournalRecord } from '../../../src/core/provision/journal';
import type { HealthCheck } from '../../../src/core/provision/types';
import { RULE_IDS } from '../../../src/core/validate/index';

const facts = (sysname: string, serial: string): DeviceFacts => ({
  sysname,
  vendor: 'H3C',
  model: 'SecPath F1000-AK180',
  softwareVersion: '7.1.064',
  release: 'ESS 1171P23',
  serialNumber: serial,
  interfaces: [{ name: 'GigabitEthernet1/0/1', address: '10.0.0.1/24', link: 'up' }],
  vrrp: [],
  tracks: [],
  warnings: [],
});

const check = (id: string, status: HealthCheck['status'], reason: string): HealthCheck => ({ id, title: `Check ${id}`, status, reason, fix: '' });

export function commissioningJournal(o: { runId?: string; pair?: string; start?: string; sysnameA?: string; transcript?: { file: string; sha256: string; bytes: number } } = {}): string {
  const start = o.start ?? '2025-03-01T10:00:00.000Z';
  const t = (s: number) => new Date(Date.parse(start) + s * 1000).toISOString();
  const rs: JournalRecord[] = [
    { type: 'run-start', runId: o.runId ?? 'run-0001-abcdef', pair: o.pair ?? 'site-1', pairFile: 'site-1.yaml', time: t(0), targets: { a: 'ssh admin@127.0.0.1:2201', b: 'ssh admin@127.0.0.1:2202' }, tool: 'hotpair 0.9.0', pack: { id: 'comware7-secpath', version: '3' } },
    { type: 'pre-config', device: 'a', text: '#\n sysname FW1\n' },
    { type: 'pre-config', device: 'b', text: '#\n sysname FW2\n' },
    { type: 'plan', device: 'a', add: ['remote-backup group', ' local-ip 10.9.9.1', ' backup-mode active-standby'], remove: [] },
    { type: 'plan', device: 'b', add: ['remote-backup group', ' local-ip 10.9.9.2'], remove: ['undo info-center enable'] },
    { type: 'facts', device: 'a', facts: facts(o.sysnameA ?? 'FW1', '210235A1'), time: t(0) },
    { type: 'facts', device: 'b', facts: facts('FW2', '210235B2'), time: t(0) },
    { type: 'preflight', rules: [...RULE_IDS], findings: [{ rule: 'preflight.address-changes', path: 'devices.a.interfaces[0].address', severity: 'warning', message: 'device a GigabitEthernet1/0/1: the address changes 10.0.0.9 → 10.0.0.1', fix: 'check it' }], time: t(0) },
    { type: 'health', when: 'before', checks: [check('control-channel', 'n/a', 'hot backup is not configured yet'), check('software', 'pass', 'both 7.1.064')], time: t(0) },
    { type: 'probe', phase: 'done', unconfirmed: [], time: t(1) },
    { type: 'stage', name: 'prepare', phase: 'begin', time: t(2) },
    { type: 'step', device: 'a', stage: 'prepare', index: 0, line: 'remote-backup group', undo: ['undo remote-backup group'], phase: 'begin', time: t(2) },
    { type: 'step', device: 'a', stage: 'prepare', index: 0, line: 'remote-backup group', undo: ['undo remote-backup group'], phase: 'done', time: t(2) },
    { type: 'step', device: 'a', stage: 'prepare', index: 1, line: ' local-ip 10.9.9.1', phase: 'begin', time: t(3) },
    { type: 'step', device: 'a', stage: 'prepare', index: 1, line: ' local-ip 10.9.9.1', phase: 'done', time: t(3) },
    { type: 'step', device: 'b', stage: 'prepare', index: 0, line: 'remote-backup group', phase: 'begin', time: t(3) },
    { type: 'step', device: 'b', stage: 'prepare', index: 0, line: 'remote-backup group', phase: 'done', time: t(3) },
    { type: 'stage', name: 'prepare', phase: 'done', time: t(4) },
    { type: 'commit-delay', device: 'a', phase: 'start', minutes: 10, time: t(2) },
    { type: 'verify', ok: false, time: t(8), failures: ['B: control channel Disconnected'] },
    { type: 'verify', ok: true, time: t(9) },
    { type: 'commit-delay', device: 'a', phase: 'confirm', time: t(10) },
    { type: 'save', device: 'a', ok: true, time: t(11) },
    { type: 'save', device: 'b', ok: true, time: t(11) },
    { type: 'health', when: 'after', checks: [check('control-channel', 'pass', 'Connected on both'), check('software', 'pass', 'both 7.1.064')], time: t(12) },
    { type: 'run-end', outcome: 'success', time: t(12) },
    { type: 'transcript', device: 'a', file: o.transcript?.file ?? '/tmp/none/site-1-FW1.jsonl', sha256: o.transcript?.sha256 ?? 'ab'.repeat(32), bytes: o.transcript?.bytes ?? 4096, time: t(13) },
  ];
  return rs.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** A switchover drill with fallback: probes every 50 ms for 3 s, 400 ms of failures after the trigger. */
export function drillRecord(o: { runId?: string; pair?: string; start?: string } = {}): DrillRecord {
  const t0 = Date.parse(o.start ?? '2025-03-01T11:00:00.000Z');
  const target = '127.0.0.1:18080';
  const samples = Array.from({ length: 60 }, (_, i) => ({ target, start: t0 + i * 50, end: t0 + i * 50 + 5, ok: i < 10 || i >= 18 }));
  const targets = [{ target, probes: 60, failed: 8, interruptionMs: 412, recovered: true }];
  return {
    version: 1,
    runId: o.runId ?? 'drill-0001',
    pair: o.pair ?? 'site-1',
    kind: { kind: 'switchover' },
    startedAt: new Date(t0).toISOString(),
    endedAt: new Date(t0 + 3000).toISOString(),
    outcome: 'passed',
    message: 'switchover and switchback measured; the pair is back as planned',
    probes: [target],
    measureSwitchback: true,
    devices: { a: { sysname: 'FW1' }, b: { sysname: 'FW2' } },
    health: {},
    switchover: { phase: 'switchover', trigger: 'manual', from: 'a', to: 'b', triggeredAt: t0 + 500, switchoverMs: 1234, interruptionMs: 412, failedProbes: 8, sessionsPreservedPct: 97.5, sessionsBefore: 40, sessionsAfter: 39, targets },
    switchback: { phase: 'switchback', trigger: 'fallback', from: 'b', to: 'a', triggeredAt: t0 + 2000, switchoverMs: 987, interruptionMs: 0, failedProbes: 0, sessionsPreservedPct: 100, delayMs: 500, targets: [{ ...targets[0]!, failed: 0, interruptionMs: 0 }] },
    standing: { a: 'device A: Active, primary', b: 'device B: Standby, secondary' },
    timeline: [
      { at: t0 + 500, text: 'switchover sent' },
      { at: t0 + 1734, text: 'reports Active', device: 'b' },
      { at: t0 + 2500, text: 'consistency changed', unexpected: true },
    ],
    polls: [],
    samples,
  };
}

export const drillJournal = (d: DrillRecord): string =>
  [
    { type: 'run-start', runId: d.runId, pair: d.pair, time: d.startedAt, targets: { a: 'x', b: 'y' }, tool: 'hotpair 0.9.0' },
    { type: 'drill', time: d.endedAt, drill: d },
    { type: 'run-end', outcome: 'success', time: d.endedAt },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n') + '\n';
