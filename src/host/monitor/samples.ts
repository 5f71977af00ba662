/**
 * The channel-health chart's points: one per pair per flush while anything changed, kept in a
 * bounded ring so a monitor left running for days holds a fixed amount of memory.
 */
import type { PairHealth } from '../../core/monitor/health';
import type { HealthSample } from '../../contract/index';

/** ~2.5 h at one point per 5 s poll; older points live on in the event history. */
export const SAMPLE_CAPACITY = 1800;

const controlOf = (d: PairHealth['devices']['a']): number | null =>
  d.reachable === false ? null : d.controlChannel === 'Connected' ? 1 : d.controlChannel === 'Disconnected' ? 0 : null;

/** Data channel as any answering side reports it (down wins: one side seeing it down is the news). */
function dataOf(h: PairHealth): number | null {
  const states = [h.devices.a, h.devices.b].filter((d) => d.reachable !== false).map((d) => d.dataChannelState);
  if (states.includes('Down')) return 0;
  if (states.includes('Up')) return 1;
  return null;
}

export function sampleOf(h: PairHealth, t: number): HealthSample {
  return { t, a: controlOf(h.devices.a), b: controlOf(h.devices.b), data: dataOf(h) };
}

export class SampleRing {
  private readonly points: HealthSample[] = [];

  constructor(private readonly capacity = SAMPLE_CAPACITY) {}

  /** Adds the point; returns false (and keeps nothing) when it says the same as the last one and is recent. */
  push(s: HealthSample, minGapMs: number): boolean {
    const last = this.points[this.points.length - 1];
    if (last && last.a === s.a && last.b === s.b && last.data === s.data && s.t - last.t < minGapMs) return false;
    this.points.push(s);
    if (this.points.length > this.capacity) this.points.splice(0, this.points.length - this.capacity);
    return true;
  }

  all(): HealthSample[] {
    return [...this.points];
  }
}
