import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { negotiate, renderMetrics } from '../../../src/core/monitor/openmetrics';
import { applyObservation, initialState } from '../../../src/core/monitor/reducer';
import type { Observation } from '../../../src/core/monitor/types';
import { config, log, poll, T0 } from './fixtures';

function healths() {
  let s = initialState(config(), [{ name: 'site-1' }, { name: 'site "2"' }]);
  const obs: Observation[] = [
    poll('a', T0, {}, 'site-1'),
    poll('b', T0, { role: 'secondary', runningStatus: 'Standby' }, 'site-1'),
    log('b', T0 + 1_000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }, undefined, 'site-1'),
    { kind: 'poll-failed', pair: 'site-1', device: 'a', time: T0 + 2_000, error: 'timeout' },
    poll('a', T0, { consistency: 'Inconsistent', controlChannel: 'Disconnected' }, 'site "2"'),
  ];
  for (const o of obs) s = applyObservation(s, o).state;
  return Object.values(s.pairs).map((p) => p.health);
}
const counters = { events: { 'site-1': { switchover: 1, alert: 1 } }, alerts: { 'site-1': { 'unexpected-switchover': 1 } } };

/** Strict structural checks from the OpenMetrics 1.0 spec that promtool (classic format) cannot make. */
function checkOpenMetrics(text: string): void {
  const lines = text.split('\n');
  expect(lines.at(-1)).toBe('');
  expect(lines.at(-2)).toBe('# EOF');
  const types = new Map<string, string>();
  const seen = new Set<string>();
  for (const line of lines.slice(0, -2)) {
    const meta = /^# (HELP|TYPE|UNIT) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') {
        expect(types.has(meta[2]!)).toBe(false);
        types.set(meta[2]!, meta[3]!);
      }
      if (meta[1] === 'UNIT') expect(meta[2]!.endsWith(`_${meta[3]}`)).toBe(true);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\n"])*",?)*\})? (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|NaN|[+-]Inf)$/.exec(line);
    expect(m, `bad sample line: ${line}`).not.toBeNull();
    const name = m![1]!;
    const family = name.endsWith('_total') && types.get(name.slice(0, -6)) === 'counter' ? name.slice(0, -6) : name;
    expect(types.has(family), `sample before its TYPE: ${line}`).toBe(true);
    if (types.get(family) === 'counter') expect(name.endsWith('_total')).toBe(true);
    expect(seen.has(`${name}${m![2] ?? ''}`), `duplicate series: ${line}`).toBe(false);
    seen.add(`${name}${m![2] ?? ''}`);
  }
}

describe('OpenMetrics exposition', () => {
  it('carries channel state, running status, switchovers, consistency per pair and device, and ends with # EOF', () => {
    const text = renderMetrics(healths(), counters, 'openmetrics');
    checkOpenMetrics(text);
    expect(text).toContain('hotpair_control_channel_up{pair="site-1",device="b"} 1');
    expect(text).toContain('hotpair_running_status{pair="site-1",device="b",status="Active"} 1');
    expect(text).toContain('hotpair_device_up{pair="site-1",device="a"} 0');
    expect(text).toContain('hotpair_switchovers_total{pair="site-1",device="b"} 1');
    expect(text).toContain(`hotpair_last_switchover_timestamp_seconds{pair="site-1"} ${(T0 + 1000) / 1000}`);
    expect(text).toContain('hotpair_config_consistent{pair="site \\"2\\"",device="a"} 0');
    expect(text).toContain('# TYPE hotpair_switchovers counter');
    expect(text).toContain('# UNIT hotpair_last_switchover_timestamp_seconds seconds');
  });

  it('negotiates like Prometheus asks', () => {
    expect(negotiate('application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1')).toBe('openmetrics');
    expect(negotiate('text/plain;version=0.0.4')).toBe('text');
    expect(negotiate(undefined)).toBe('openmetrics');
  });

  it('passes `promtool check metrics` (classic text rendering of the same model)', () => {
    const r = spawnSync('promtool', ['check', 'metrics'], { input: renderMetrics(healths(), counters, 'text'), encoding: 'utf8', timeout: 15_000 });
    expect(r.error).toBeUndefined();
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });

  it('promtool can fail here: a broken exposition is rejected', () => {
    const r = spawnSync('promtool', ['check', 'metrics'], { input: '# TYPE x gauge\nx{a="1"} one\n', encoding: 'utf8', timeout: 15_000 });
    expect(r.status).not.toBe(0);
  });

  it('promtool on the OpenMetrics rendering: its only remarks are the counter-family naming the classic format cannot express', () => {
    const r = spawnSync('promtool', ['check', 'metrics'], { input: renderMetrics(healths(), counters, 'openmetrics'), encoding: 'utf8', timeout: 15_000 });
    const remarks = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
    expect(remarks.length).toBeGreaterThan(0);
    for (const rmk of remarks) expect(rmk).toMatch(/^hotpair_(switchovers|events|alerts)_total no help text$/);
  });
});
