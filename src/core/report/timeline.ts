/**
 * A drill's timeline as an inline SVG: one row per probe target (runs of answered and failed
 * connects as green and red bars), numbered vertical marks for the events, a time axis from the
 * drill's start. Drawn from the data alone, with no script and no external reference.
 */
import { ENGLISH, type Translator } from '../base/message';
import { esc } from './html-text';
import type { DrillReport, DrillTimelineEntry } from './model';
import { say } from './say';

const W = 720;
const LEFT = 150;
const RIGHT = 12;
const ROW = 26;
const TOP = 34;
/** Event numbers closer than this (px) go on a second line so neither hides the other. */
const MARK_GAP = 12;
const AXIS = 26;
/** A probe's bar lasts until the next probe of its target; the last one this long. */
const LAST_PROBE_MS = 50;
const STEPS_MS = [10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000];

export interface TimelineEvent {
  n: number;
  offsetMs: number;
  text: string;
  unexpected: boolean;
}

const px = (v: number) => v.toFixed(1);

/** Time 0 of the chart and its span: the drill's start (or first entry) to its end (or last entry). */
export function timelineSpan(d: DrillReport): { t0: number; t1: number } {
  const ts = d.timeline.map((e) => e.t);
  const start = Date.parse(d.startedAt);
  const end = d.endedAt !== undefined ? Date.parse(d.endedAt) : Number.NaN;
  const t0 = Math.min(...ts, Number.isNaN(start) ? Infinity : start);
  const t1 = Math.max(...ts.map((t) => t + LAST_PROBE_MS), Number.isNaN(end) ? -Infinity : end);
  if (!Number.isFinite(t0)) return { t0: 0, t1: 1 };
  return { t0, t1: Math.max(t1, t0 + 1) };
}

/** The events of the timeline, numbered as the chart marks them. */
export function timelineEvents(d: DrillReport): TimelineEvent[] {
  const { t0 } = timelineSpan(d);
  return d.timeline.filter((e) => e.kind === 'event').map((e, i) => ({ n: i + 1, offsetMs: e.t - t0, text: e.text ?? '', unexpected: e.unexpected === true }));
}

/** Consecutive probes of one target with the same result, as [from, to, ok]. */
function runs(probes: DrillTimelineEntry[]): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  probes.forEach((p, i) => {
    const end = probes[i + 1]?.t ?? p.t + LAST_PROBE_MS;
    const last = out[out.length - 1];
    if (last && last[2] === (p.ok === true) && last[1] === p.t) last[1] = end;
    else out.push([p.t, end, p.ok === true]);
  });
  return out;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s.toFixed(0) : s < 10 ? s.toFixed(2).replace(/0$/, '') : s.toFixed(1)} s`;
}

export function timelineSvg(d: DrillReport, tr: Translator = ENGLISH): string {
  const { t0, t1 } = timelineSpan(d);
  const targets = [...new Set(d.timeline.flatMap((e) => (e.kind === 'probe' ? [e.target ?? 'probe'] : [])))];
  const rows = Math.max(targets.length, 1);
  const h = TOP + rows * ROW + AXIS;
  const x = (t: number) => LEFT + ((t - t0) / (t1 - t0)) * (W - LEFT - RIGHT);
  const parts: string[] = [];
  parts.push(`<rect x="${LEFT}" y="${TOP}" width="${W - LEFT - RIGHT}" height="${rows * ROW}" class="tl-bg"/>`);
  targets.forEach((target, i) => {
    const y = TOP + i * ROW;
    parts.push(`<text x="${LEFT - 6}" y="${y + ROW / 2 + 3}" class="tl-label" text-anchor="end">${esc(target)}</text>`);
    const probes = d.timeline.filter((e) => e.kind === 'probe' && (e.target ?? 'probe') === target);
    for (const [from, to, ok] of runs(probes)) {
      parts.push(`<rect x="${px(x(from))}" y="${y + 3}" width="${px(Math.max(x(to) - x(from), 0.8))}" height="${ROW - 6}" class="${ok ? 'tl-ok' : 'tl-fail'}"/>`);
    }
  });
  if (targets.length === 0) parts.push(`<text x="${LEFT + 6}" y="${TOP + 13}" class="tl-label">no probes recorded</text>`);
  const step = STEPS_MS.find((s) => (t1 - t0) / s <= 10) ?? STEPS_MS[STEPS_MS.length - 1]!;
  const axisY = TOP + rows * ROW;
  for (let t = 0; t0 + t <= t1; t += step) {
    const xt = px(x(t0 + t));
    parts.push(`<line x1="${xt}" y1="${axisY}" x2="${xt}" y2="${axisY + 4}" class="tl-axis"/><text x="${xt}" y="${axisY + 16}" class="tl-tick" text-anchor="middle">${formatSeconds(t)}</text>`);
  }
  const lastOnLine = [-Infinity, -Infinity];
  for (const e of timelineEvents(d)) {
    const at = x(t0 + e.offsetMs);
    const line = at - (lastOnLine[0] as number) >= MARK_GAP ? 0 : 1;
    lastOnLine[line] = at;
    const xe = px(at);
    parts.push(`<line x1="${xe}" y1="${TOP - 4 - line * 11}" x2="${xe}" y2="${axisY}" class="${e.unexpected ? 'tl-event tl-unexpected' : 'tl-event'}"/><text x="${xe}" y="${TOP - 7 - line * 11}" class="tl-mark" text-anchor="middle">${e.n}</text>`);
  }
  const title = say(tr, 'drills.timeline', `Timeline of the ${d.kind} drill: probes (green answered, red failed) and numbered events`, { kind: say(tr, `drills.kind-${d.kind}`, d.kind) });
  return `<svg class="timeline" viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${parts.join('')}</svg>`;
}
