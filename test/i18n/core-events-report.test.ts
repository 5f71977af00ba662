import { describe, expect, it } from 'vitest';
import { fingerprint, generateSigningKey } from '../../src/core/bundle/node/crypto';
import { formatPhase, formatStep, formatVerdict, planLines } from '../../src/core/drill/format';
import { buildPlan, releaseNote } from '../../src/core/drill/plan';
import type { PhaseFigures } from '../../src/core/drill/types';
import type { DeviceFacts } from '../../src/core/model/facts';
import type { Pair } from '../../src/core/model/pair';
import { emptyAlertMemory, evaluateAlerts } from '../../src/core/monitor/alerts';
import type { PairHealth } from '../../src/core/monitor/health';
import { DEFAULT_ALERTS, EVENT_KINDS, type MonitorEvent } from '../../src/core/monitor/types';
import { describe as describeEvent, EVENT_GROUPS, eventText, groupLabel } from '../../src/core/monitor/view';
import { deviceFindings } from '../../src/core/provision/preflight';
import { commissioningFromJournal, drillFromJournal } from '../../src/core/report/from-journal';
import { renderReportHtml } from '../../src/core/report/html';
import { REPORT_FORMAT, type ReportInput } from '../../src/core/report/model';
import { signReport, verifyReport } from '../../src/core/report/node/sign';
import { CATALOGUES, NAMESPACES } from '../../src/i18n/catalogues';
import { coreTranslator } from '../../src/i18n/core';
import { monitorEventText, reportLanguage } from '../../src/i18n/core-text';
import { createI18n } from '../../src/i18n/create';
import { preflightText } from '../../src/i18n/preflight';
import { commissioningJournal, drillJournal, drillRecord } from '../core/report/fixtures';
import { EXAMPLES } from '../core/render/examples';
import { checkingTranslator } from './core-helpers';
import { flatten } from './messages';

const en = createI18n('en');
const zh = createI18n('zh-CN');
const pair = EXAMPLES['as-vrrp'] as Pair;
const base = { id: 'e', pair: 'site-1', time: Date.UTC(2026, 0, 1), rev: 0 };

/** One event of every kind, and the variants whose words differ. */
const EVENTS = [
  { ...base, kind: 'switchover', device: 'a', from: 'Standby', to: 'Active', cause: 'manual switchover', seenBy: 'both' },
  { ...base, kind: 'channel-down', device: 'a', channel: 'control', seenBy: 'poll' },
  { ...base, kind: 'channel-down', device: 'b', channel: 'data', seenBy: 'log' },
  { ...base, kind: 'channel-up', device: 'a', channel: 'control', seenBy: 'poll' },
  { ...base, kind: 'channel-up', device: 'b', channel: 'data', seenBy: 'poll' },
  { ...base, kind: 'consistency', device: 'a', result: 'Inconsistent', seenBy: 'poll', detail: 'ip route differs' },
  { ...base, kind: 'consistency', device: 'b', result: 'Consistent', seenBy: 'poll' },
  ...(['started', 'finished', 'failed'] as const).map((status) => ({ ...base, kind: 'config-sync', device: 'a', status, detail: '' })),
  { ...base, kind: 'vrrp', device: 'a', interface: 'GigabitEthernet1/0/1', vrid: 1, from: 'Backup', to: 'Master' },
  { ...base, kind: 'vrrp', device: 'b', vrid: 2, from: 'Master', to: 'Backup' },
  { ...base, kind: 'device-unreachable', device: 'b', error: 'timed out' },
  { ...base, kind: 'device-back', device: 'b', downForMs: 95_000 },
  ...(['passed', 'failed', 'refused', 'declined'] as const).map((outcome) => ({ ...base, kind: 'drill', drill: 'switchover', outcome, message: 'm', switchoverMs: 1200, interruptionMs: 800, failedProbes: 2, sessionsPreservedPct: 99 })),
  { ...base, kind: 'drill', drill: 'link', interface: 'GigabitEthernet1/0/3', outcome: 'refused', message: 'not monitored' },
] as MonitorEvent[];

function health(channelDownSince?: number): PairHealth {
  const dev = (key: 'a' | 'b') => ({ key, sysname: key === 'a' ? 'FW1' : 'FW2' });
  return { pair: 'site-1', devices: { a: dev('a'), b: dev('b') }, ...(channelDownSince !== undefined ? { channelDownSince } : {}) } as unknown as PairHealth;
}

/** Every alert rule fired once, as the reducer turns drafts into events. */
function alertEvents(): MonitorEvent[] {
  const cfg = { ...DEFAULT_ALERTS, flapCount: 1 };
  const t0 = Date.UTC(2026, 0, 1);
  const take = (n: number) => ({ ...base, time: t0 + n, kind: 'switchover', device: 'a', from: 'Standby', to: 'Active', cause: 'link down', seenBy: 'poll' }) as MonitorEvent;
  const one = evaluateAlerts(emptyAlertMemory(), health(t0 - 60_000), [take(1), { ...base, kind: 'consistency', device: 'b', result: 'Inconsistent', seenBy: 'poll', detail: 'x' } as MonitorEvent], t0 + 2, { ...DEFAULT_ALERTS });
  const two = evaluateAlerts(emptyAlertMemory(), health(), [take(1), take(2)], t0 + 3, cfg);
  const three = evaluateAlerts(emptyAlertMemory(), health(), [{ ...base, kind: 'consistency', device: 'b', result: 'Inconsistent', seenBy: 'poll' } as MonitorEvent], t0, cfg);
  return [...one.alerts, ...two.alerts, ...three.alerts].map((d) => ({ ...base, kind: 'alert', ...d }) as MonitorEvent);
}

describe('core messages: monitor events and alerts', () => {
  it('every kind of event and every alert rule reads from the catalogue, the English exactly as before', () => {
    const { tr, missing, drift } = checkingTranslator();
    const alerts = alertEvents();
    expect(new Set(alerts.map((a) => (a.kind === 'alert' ? a.rule : '')))).toEqual(new Set(['channel-down', 'unexpected-switchover', 'inconsistent-config', 'flapping']));
    const all = [...EVENTS, ...alerts];
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(EVENT_KINDS));
    for (const e of all) {
      expect(eventText(e, undefined, tr)).toEqual(eventText(e));
      expect(describeEvent(e, tr)).toBe(describeEvent(e));
    }
    for (const g of EVENT_GROUPS) expect(groupLabel(g.id, tr)).toBe(g.label);
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);
  });

  it('the Monitor timeline in Chinese: titles translated, device words and causes as the device said them', () => {
    const [switchover] = EVENTS;
    expect(monitorEventText(zh, switchover!, () => 'FW1')).toMatchObject({ title: 'FW1 主备切换 Standby → Active', cause: 'manual switchover' });
    const alert = alertEvents().find((a) => a.kind === 'alert' && a.rule === 'channel-down')!;
    expect(monitorEventText(zh, alert).title).toMatch(/^告警 channel-down：控制通道已断开 \d+ 秒（上限 30 秒）$/);
  });
});

describe('core messages: drills and preflight', () => {
  const commands = { switchover: 'remote-backup group switchover', shutdown: 'shutdown', undoShutdown: 'undo shutdown' };
  const facts = { release: 'Release 9620P06' } as DeviceFacts;

  it('the drill plan, figures and verdict in English exactly as before; Chinese from the same messages', () => {
    const { tr, missing, drift } = checkingTranslator();
    const plans = [
      buildPlan({ pair, kind: { kind: 'switchover' }, from: 'a', on: 'a', probes: [{ host: '10.1.1.3', port: 443 }], measureSwitchback: true, note: releaseNote({ a: facts, b: facts }), commands }),
      buildPlan({ pair, kind: { kind: 'switchover' }, from: 'b', on: 'b', probes: [], measureSwitchback: false, note: releaseNote({}), commands }),
      buildPlan({ pair: { ...pair, vrrp: [], floatingIps: [] }, kind: { kind: 'link', interface: 'GigabitEthernet1/0/3' }, from: 'a', on: 'a', probes: [], measureSwitchback: true, commands }),
      buildPlan({ pair: { ...pair, fallback: { ...pair.fallback, enabled: true } }, kind: { kind: 'link', interface: 'GigabitEthernet1/0/3' }, from: 'a', on: 'a', probes: [], measureSwitchback: false, commands }),
      buildPlan({ pair: { ...pair, fallback: { ...pair.fallback, enabled: true } }, kind: { kind: 'link', interface: 'GigabitEthernet1/0/3' }, from: 'a', on: 'a', probes: [], measureSwitchback: true, commands }),
      buildPlan({ pair, kind: { kind: 'link', interface: 'GigabitEthernet1/0/3' }, from: 'a', on: 'a', probes: [], measureSwitchback: false, commands }),
    ];
    for (const p of plans) {
      expect(p.said).toHaveLength(p.lines.length);
      expect(planLines(p, tr)).toEqual(p.lines);
      expect(planLines(p, coreTranslator(zh)).join('\n')).toMatch(/[\u4e00-\u9fff]/);
    }
    const figures = (o: Partial<PhaseFigures>): PhaseFigures => ({ phase: 'switchover', trigger: 'manual', from: 'a', to: 'b', triggeredAt: 0, switchoverMs: 1200, interruptionMs: 800, failedProbes: 1, sessionsPreservedPct: 98, sessionsBefore: 100, sessionsAfter: 98, targets: [{ target: '10.1.1.3:443', probes: 20, failed: 1, interruptionMs: 800, recovered: true }], ...o }) as PhaseFigures;
    for (const f of [
      figures({}),
      figures({ phase: 'switchback', trigger: 'fallback', delayMs: 30_000, switchoverMs: null, interruptionMs: null, sessionsPreservedPct: null, sessionsBefore: undefined, targets: [{ target: 'x:1', probes: 3, failed: 3, interruptionMs: 900, recovered: false }] }),
      figures({ trigger: 'link-down', sessionsPreservedPct: null }),
    ])
      expect(formatPhase(f, tr)).toBe(formatPhase(f));
    const record = { outcome: 'failed', message: 'B did not take over', standing: { a: 'A Active', b: 'B Standby' } } as never;
    for (const outcome of ['passed', 'failed', 'refused', 'declined']) expect(formatVerdict({ ...(record as object), outcome } as never, tr)).toBe(formatVerdict({ ...(record as object), outcome } as never));
    expect(formatStep({ at: 1500, text: 'flap', unexpected: true } as never, 0, tr)).toBe(formatStep({ at: 1500, text: 'flap', unexpected: true } as never, 0));
    expect(formatPhase(figures({}), coreTranslator(zh))).toContain('主备切换 A → B（手动主备切换）');
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);
  });

  it('preflight findings on discovered facts: every code in both catalogues, English exactly as core says it', () => {
    const f = (o: Partial<DeviceFacts>): DeviceFacts => ({ interfaces: [], vrrp: [], tracks: [], warnings: [], ...o }) as DeviceFacts;
    const withIf = pair.devices.a.interfaces.map((i) => ({ name: i.name, address: '198.51.100.9/24', aggregateMember: 'Bridge-Aggregation9' }));
    const mirroring = { ...pair, mode: 'mirroring' as const, floatingIps: [{ interface: 'GigabitEthernet1/0/1', address: '10.0.0.9/24' }], monitor: { ...pair.monitor, interfaces: ['GigabitEthernet1/0/1'] } } as Pair;
    const found = [
      ...deviceFindings(pair, 'a', f({})),
      ...deviceFindings(pair, 'a', f({ interfaces: [{ name: 'Ten-GigabitEthernet9/9/9' }] })),
      ...deviceFindings(pair, 'a', f({ interfaces: withIf, softwareVersion: '5.20' })),
      ...deviceFindings({ ...pair, devices: { ...pair.devices, a: { ...pair.devices.a, interfaces: pair.devices.a.interfaces.map((i) => ({ ...i, aggregateMember: 'Bridge-Aggregation1' })) } } }, 'a', f({ interfaces: pair.devices.a.interfaces.map((i) => ({ name: i.name })) })),
      ...deviceFindings(mirroring, 'a', f({ interfaces: withIf, softwareVersion: '7.1.064', release: 'Release 9620P06' })),
    ].filter((d) => d.code?.startsWith('preflight.'));
    const codes = new Set(found.map((d) => d.code));
    expect(codes.size).toBeGreaterThanOrEqual(6);
    for (const d of found) {
      for (const i of [en, zh]) expect(i.exists(`core:${d.code}.message`) && i.exists(`core:${d.code}.fix`), `${i.language} ${d.code}`).toBe(true);
      const t = preflightText(en, d);
      expect({ message: t.message, fix: t.fix }).toEqual({ message: d.message, fix: d.fix });
      expect(preflightText(zh, d).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

function reportInput(): ReportInput {
  const run = commissioningFromJournal(commissioningJournal(), 'site-1-2025.jsonl')!;
  const drill = drillFromJournal(drillJournal(drillRecord()), 'site-1-drill.jsonl')!;
  return { run, drills: [drill], generatedAt: '2025-03-01T12:00:00.000Z', tool: 'hotpair 1.2.3', signer: 'SHA256:abc' };
}

/** The page's words: text between tags, entities decoded, with its pre blocks (device lines) removed. */
function pageText(html: string): string[] {
  const body = html.slice(html.indexOf('<body>')).replace(/<pre>[\s\S]*?<\/pre>/g, ' ').replace(/<span class="mono">[^<]*<\/span>/g, ' ');
  return body
    .split(/<[^>]+>/)
    .map((t) => t.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim())
    .filter(Boolean);
}

describe('the signed report in the reader\'s language', () => {
  it('in English through the catalogue it is byte for byte the report as it was', () => {
    const { tr, missing, drift } = checkingTranslator();
    const english = renderReportHtml(reportInput());
    expect(renderReportHtml(reportInput(), { ...reportLanguage(en), tr })).toBe(english);
    expect(english).toContain('<html lang="en">');
    expect([...missing]).toEqual([]);
    expect(drift).toEqual([]);
  });

  it('LANG=zh_CN: the report is Chinese, names its language in the signed bytes, and its signature holds', () => {
    const html = renderReportHtml(reportInput(), reportLanguage(zh));
    expect(html).toContain('<html lang="zh-CN">');
    for (const title of ['开局报告 — site-1', '站点与配对', '规则检查与语法探测', '健康检查', '各设备已下发的计划', '验证', '故障切换演练', '会话记录（SHA-256）', '验收']) expect(html).toContain(title);
    const key = generateSigningKey();
    const signed = signReport(html, key);
    expect(verifyReport(signed, () => true)).toEqual({ ok: true, fingerprint: fingerprint(key.publicKeyRaw), trusted: true });
    // Relabelling the language breaks the signature: the tag is inside the signed bytes.
    const relabelled = Buffer.from(signed.toString('utf8').replace('<html lang="zh-CN">', '<html lang="en-US">'));
    expect(verifyReport(relabelled, () => true).ok).toBe(false);
  });

  it('pseudo-locale: every label of the page comes from the catalogue; what is left bare is device and file text', () => {
    const wrap = (v: unknown): unknown => (typeof v === 'string' ? `［${v}］` : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrap(x)])) : v);
    const pseudo = createI18n('pseudo', { pseudo: Object.fromEntries(NAMESPACES.map((ns) => [ns, wrap(CATALOGUES.en[ns])])) });
    const html = renderReportHtml(reportInput(), reportLanguage(pseudo));
    const words = pageText(html).filter((t) => /[A-Za-z]{2}/.test(t) && !(t.includes('［') && t.includes('］')));
    // Every English label the report's catalogue holds: none may show up bare.
    const labels = new Set([...flatten(CATALOGUES.en.core)].filter(([k, v]) => /^(report|health|verify)\./.test(k) && !v.includes('{') && /[a-z]{3}/.test(v)).map(([, v]) => v));
    expect(words.filter((w) => labels.has(w))).toEqual([]);
    // What is bare is the record's own text: names, times, ids, hashes, device and drill messages.
    const input = reportInput();
    const recorded = `${JSON.stringify(input)} ${REPORT_FORMAT}`;
    expect(words.filter((w) => !w.split(/[\s,;:()]+/).every((part) => part === '' || !/[A-Za-z]{2}/.test(part) || recorded.includes(part)))).toEqual([]);
  });
});
