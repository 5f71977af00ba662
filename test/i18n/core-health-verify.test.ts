import { describe, expect, it } from 'vitest';
import type { DeviceFacts, RbmFact } from '../../src/core/model/facts';
import type { Pair } from '../../src/core/model/pair';
import { expectedState } from '../../src/core/provision/expected';
import { formatEvent, formatHealth, formatJournalSummary, formatPlan, formatRollback, formatVerify, healthText } from '../../src/core/provision/format';
import { healthMatrix } from '../../src/core/provision/health';
import { STAGE_TEXT } from '../../src/core/provision/stages';
import type { StageName } from '../../src/core/provision/types';
import { checkExpectations } from '../../src/core/provision/verify';
import { ERROR_CODES } from '../../src/core/base/errors';
import { createI18n } from '../../src/i18n/create';
import { coreTranslator } from '../../src/i18n/core';
import { errorText, healthCheckText, stageText, verifyFailureText } from '../../src/i18n/core-text';
import { EXAMPLES } from '../core/render/examples';
import { CATALOGUES } from '../../src/i18n/catalogues';
import { checkingTranslator } from './core-helpers';
import { healthyRbm } from '../core/provision/rbm-fact';
import { flatten } from './messages';

const now = new Date('2026-11-25T15:00:00Z');
const zh = createI18n('zh-CN');

const rbm = healthyRbm;

function facts(pair: Pair, k: 'a' | 'b', over: Partial<DeviceFacts> = {}, r: Partial<RbmFact> | null = {}): DeviceFacts {
  const exp = expectedState(pair).devices[k];
  return {
    model: 'SecPath F1000-AK1xx',
    softwareVersion: '7.1.064',
    release: 'ESS 1171P23',
    serialNumber: `SN-${k}`,
    clock: now.toISOString(),
    interfaces: [{ name: 'GigabitEthernet1/0/1', address: '10.1.1.1/24' }],
    ...(r === null ? {} : { rbm: rbm(pair, k, r) }),
    vrrp: exp.vrrp.map((g) => ({ interface: g.interface, vrid: g.vrid, state: g.state ?? 'Master' })),
    tracks: [],
    warnings: [],
    ...over,
  };
}

/** Every way a check can come out: each builds the facts of both devices. */
function variants(pair: Pair): [DeviceFacts, DeviceFacts][] {
  const f = (k: 'a' | 'b', o?: Partial<DeviceFacts>, r?: Partial<RbmFact> | null) => facts(pair, k, o, r);
  return [
    [f('a'), f('b')],
    [f('a', {}, null), f('b', {}, null)],
    [f('a'), f('b', {}, null)],
    [f('a', { model: undefined, softwareVersion: undefined, serialNumber: undefined, clock: undefined }), f('b', { model: 'Other', softwareVersion: '7.1.070' })],
    [f('a', { serialNumber: 'SAME' }), f('b', { serialNumber: 'SAME' })],
    [f('a', { serialNumber: undefined, mac: '00aa-bb00-0001' }), f('b', { serialNumber: undefined, mac: '00aa-bb00-0001' })],
    [f('a', { clock: '2026-11-25T15:01:00Z' }), f('b', { clock: '2026-11-25T15:10:00Z' })],
    [f('a', {}, { port: 1, remoteIp: '192.0.2.99', mode: 'dual-active', role: undefined, runningStatus: 'Standby', controlChannel: undefined, dataChannelState: 'Down', autoSync: !pair.configSync.auto, consistency: 'Inconsistent' }), f('b', { vrrp: [] }, { port: 2, localIp: '192.0.2.7', role: 'primary', controlChannel: 'Disconnected' })],
    [f('a'), f('b', { model: 'Other', softwareVersion: '7.1.070' })],
    [f('a', {}, { port: undefined }), f('b')],
    [f('a', {}, { consistency: 'Inconsistent' }), f('b')],
    [f('a', { serialNumber: undefined, sysname: 'FW', uptimeSeconds: 600 }), f('b', { serialNumber: undefined, sysname: 'FW', uptimeSeconds: 600 }, null)],
    [f('a', { serialNumber: undefined }), f('b', {}, null)],
    [f('a', {}, { consistency: undefined }), f('b', { vrrp: (f('b').vrrp ?? []).map((v) => ({ ...v, state: v.state === 'Master' ? 'Backup' : 'Master' })) })],
  ];
}

describe('core messages: health matrix, verification, stages, errors', () => {
  const examples = ['as-vrrp', 'da-vrrp', 'mirror-track', 'as-floating-ip'].map((n) => EXAMPLES[n] as Pair);
  // The file's switches decide some sentences: auto-sync off, the consistency check disabled.
  const v6 = { interface: 'GigabitEthernet1/0/1', vrid: 1, group: 'active' as const, mode: 'standard' as const };
  // With an IPv6 group: its own sentences, and facts that hold no IPv6 reading leave it unread.
  const withIpv6 = { ...examples[0]!, vrrp: [...examples[0]!.vrrp, { ...v6, virtualIp: 'fe80::1' }, { ...v6, virtualIp: '2001:db8:10::1' }] };
  const pairs = [...examples, { ...examples[0]!, configSync: { ...examples[0]!.configSync, auto: false }, consistencyCheck: { ...examples[0]!.consistencyCheck, enabled: false } }, withIpv6];

  it('every health check says in the catalogue exactly what core says in English, in both languages', () => {
    const { tr, missing, drift } = checkingTranslator();
    let checks = 0;
    const said = new Set<string>();
    for (const pair of pairs)
      for (const [a, b] of variants(pair)) {
        const m = healthMatrix(pair, a, b, now);
        for (const c of m) {
          expect(c.code).toBeDefined();
          const t = healthText(c, tr);
          expect(t).toEqual({ title: c.title, reason: c.reason, fix: c.fix });
          said.add(`core.${c.code}.reason`);
          checks++;
        }
        expect(formatHealth(m, 'before the push', tr)).toBe(formatHealth(m, 'before the push'));
      }
    expect(checks).toBeGreaterThan(100);
    // Every reason the catalogue holds is one some state of the devices produces (no dead entries, no untested code).
    expect([...flatten(CATALOGUES.en)].map(([k]) => k).filter((k) => k.startsWith('core.health.') && k.endsWith('.reason') && !said.has(k))).toEqual([]);
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);
  });

  it('a failing check reads in Chinese: title, reason and fix from the catalogue, device values as they are', () => {
    const pair = pairs[0]!;
    const [a, b] = variants(pair)[7]!;
    const m = healthMatrix(pair, a, b, now);
    const roles = healthCheckText(zh, m.find((c) => c.id === 'roles')!);
    expect(roles.title).toBe('模式、角色与运行状态');
    expect(roles.reason).toContain('dual-active');
    expect(roles.reason).toMatch(/计划为/);
    expect(roles.fix).toContain('display remote-backup-group status');
    const port = healthCheckText(zh, m.find((c) => c.id === 'rbm-port')!);
    expect(port.reason).toBe(`A 使用端口 1，B 使用端口 2，配对文件为 ${pair.controlChannel.port}`);
    const text = formatHealth(m, '下发前', coreTranslator(zh));
    expect(text).toContain('配对健康检查（下发前）：');
    expect(text).toContain('  失败  模式、角色与运行状态');
  });

  it('verification failures: every expectation has a message; English as core writes it, Chinese around device values', () => {
    const { tr, missing, drift } = checkingTranslator();
    for (const pair of pairs) {
      const exp = expectedState(pair);
      const seen = {
        a: { rbm: { ...rbm(pair, 'a'), mode: 'mirroring' as const, role: 'secondary' as const, runningStatus: 'Standby' as const, controlChannel: 'Disconnected' as const, dataChannelState: 'Down' as const }, vrrp: [] },
        b: { vrrp: [] },
      };
      const failures = [
        ...checkExpectations(exp, seen, 'a'),
        ...checkExpectations(exp, { a: { rbm: rbm(pair, 'a', { consistency: undefined }), vrrp: [] }, b: { rbm: rbm(pair, 'b'), vrrp: [] } }, 'a', { result: 'Inconsistent', differences: ['line 1'] } as never),
      ];
      expect(failures.length).toBeGreaterThan(3);
      expect(formatVerify(failures, tr)).toBe(formatVerify(failures));
      for (const f of failures) expect(verifyFailureText(zh, f)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);
    const zhLine = verifyFailureText(zh, { device: 'b', expectation: 'control channel', expected: 'Connected', seen: 'Disconnected', code: 'verify.expect.control-channel', params: {} });
    expect(zhLine).toBe('设备 B：控制通道 应为 Connected，实际为 Disconnected');
  });

  it('every stage, journal and rollback line comes from the catalogue', () => {
    const { tr, missing, drift } = checkingTranslator();
    for (const stage of Object.keys(STAGE_TEXT) as StageName[]) {
      const e = { kind: 'stage' as const, stage, phase: 'begin' as const, ...STAGE_TEXT[stage] };
      expect(formatEvent(e, tr)).toBe(formatEvent(e));
      expect(stageText(zh, stage).title).toMatch(/[\u4e00-\u9fff]/);
    }
    const names = { a: 'FW1', b: 'FW2' };
    const plans = { a: { add: ['x'], remove: ['y'], unchanged: 3 }, b: { add: [], remove: [], unchanged: 9 } };
    expect(formatPlan(plans, names, tr)).toBe(formatPlan(plans, names));
    const rollback = {
      a: { device: 'a' as const, typed: 4, errors: ['undo x'], differences: ['- y'] },
      b: { device: 'b' as const, typed: 0, errors: [], differences: [], unreachable: { reason: 'timed out', revertsAt: '12:00' } },
    };
    expect(formatRollback(rollback as never, tr)).toBe(formatRollback(rollback as never));
    const summary = {
      interrupted: true,
      startedAt: '2026-01-01T00:00:00Z',
      pair: 'p',
      applied: { a: ['l'], b: [] },
      inFlight: [{ device: 'a', line: 'l2' }],
      preConfig: {},
      rolledBack: { a: 'done' },
      commitDelay: { b: { confirmed: false, deadline: '12:00' } },
      savedConfig: { a: { method: 'sftp', path: 'flash:/s.cfg', bytes: 9, file: 'f', sha256: 'ab' }, b: { method: 'display', bytes: 8 } },
      oneCable: {
        cable: ['wait', 'plugged', 'confirmed', 'presumed'].map((phase) => ({ phase, to: 'b', time: '2026-01-01T00:00:01Z' })),
        answered: [
          { expected: 'a', device: 'a', sysname: 'FW1', serialNumber: 'S', time: '2026-01-01T00:00:02Z' },
          { expected: 'b', device: 'a', time: '2026-01-01T00:00:03Z' },
          { expected: 'b', time: '2026-01-01T00:00:04Z' },
        ],
      },
      damagedLines: 2,
    };
    expect(formatJournalSummary('/j', summary as never, tr)).toBe(formatJournalSummary('/j', summary as never));
    for (const e of [{ kind: 'verify' as const, attempt: 2, failures: [] }, { kind: 'message' as const, level: 'warn' as const, text: 't' }]) expect(formatEvent(e, tr)).toBe(formatEvent(e));
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);
  });

  it('every error code has a title in both catalogues; a keyed error reads in Chinese, an unkeyed one keeps its English', () => {
    const en = createI18n('en');
    for (const code of ERROR_CODES) {
      expect(en.exists(`core:error.code.${code}`), code).toBe(true);
      expect(errorText(zh, { code, message: 'm' }).title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(errorText(zh, { code: 'CANCELLED', message: 'Cancelled.', key: 'error.cancelled' }).message).toBe('已取消。');
    expect(errorText(en, { code: 'CANCELLED', message: 'Cancelled.', key: 'error.cancelled' }).message).toBe('Cancelled.');
    expect(errorText(zh, { code: 'AUTH_FAILED', message: 'bad password' }).message).toBe('bad password');
  });
});
