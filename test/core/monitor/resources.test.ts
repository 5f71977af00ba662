import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMetrics } from '../../../src/core/monitor/openmetrics';
import { applyObservation, initialState } from '../../../src/core/monitor/reducer';
import { config, log, poll, T0 } from './fixtures';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources', 'monitoring');

/** Every sample name the monitor can expose, from a state where every family has samples. */
function exposedNames(): Set<string> {
  let s = initialState(config(), [{ name: 'p' }]);
  for (const o of [
    poll('a', T0, { consistency: 'Inconsistent' }, 'p'),
    poll('b', T0, { runningStatus: 'Standby', controlChannel: 'Disconnected' }, 'p'),
    log('b', T0 + 1, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }, undefined, 'p'),
  ])
    s = applyObservation(s, o).state;
  const text = renderMetrics(
    Object.values(s.pairs).map((p) => p.health),
    { events: { p: { switchover: 1 } }, alerts: { p: { flapping: 1 } } },
    'openmetrics',
  );
  return new Set([...text.matchAll(/^(hotpair_[a-z_]+)[{ ]/gm)].map((m) => m[1]!));
}

describe('resources/monitoring', () => {
  it('the Prometheus scrape example and alert rules pass promtool', () => {
    for (const args of [['check', 'config', join(DIR, 'prometheus.yml')], ['check', 'rules', join(DIR, 'hotpair-alerts.yml')]]) {
      const r = spawnSync('promtool', args, { encoding: 'utf8', timeout: 15_000 });
      expect(r.status, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it('the Grafana dashboard and the alert rules only use metrics the monitor exposes', () => {
    const names = exposedNames();
    const dash = JSON.parse(readFileSync(join(DIR, 'grafana-dashboard.json'), 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const exprs = [...dash.panels.flatMap((p) => p.targets.map((t) => t.expr)), readFileSync(join(DIR, 'hotpair-alerts.yml'), 'utf8')];
    const used = new Set(exprs.flatMap((e) => [...e.matchAll(/hotpair_[a-z_]+/g)].map((m) => m[0])));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((n) => !names.has(n))).toEqual([]);
  });
});
