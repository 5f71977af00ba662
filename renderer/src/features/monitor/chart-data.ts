import type { HealthSample } from '../../../../src/contract/index';

/**
 * Chart lanes: each series is drawn in its own horizontal band (down at the bottom of the band,
 * up at the top), so three on/off signals read at a glance without overlapping.
 */
export const LANES = [
  { key: 'a', base: 3 },
  { key: 'b', base: 1.5 },
  { key: 'data', base: 0 },
] as const;
/** A lane's axis label, a key of the app catalogue (the reader's language). */
export const laneLabelKey = (key: (typeof LANES)[number]['key']) => `monitor.chart.lane.${key}` as const;
export const LANE_HEIGHT = 0.8;

/** Samples → uPlot's aligned columns: seconds on x, one lane-offset column per series; null keeps a gap. */
export function chartColumns(samples: readonly HealthSample[]): [number[], ...(number | null)[][]] {
  const xs = samples.map((s) => s.t / 1000);
  const lanes = LANES.map((l) => samples.map((s) => (s[l.key] === null ? null : l.base + s[l.key]! * LANE_HEIGHT)));
  return [xs, ...lanes];
}
