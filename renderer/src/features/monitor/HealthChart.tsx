import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { HealthSample } from '../../../../src/contract/index';
import { useAppTranslation } from '../../i18n';
import { chartColumns, LANE_HEIGHT, LANES, laneLabelKey } from './chart-data';
import { pointTime, timeTicks } from './chart-time';

const HEIGHT = 150;

function canDraw(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false; // jsdom without a canvas package
  }
}

/** Channel health of one pair over time (uPlot, stepped lines in lanes); updates as points arrive. */
export function HealthChart({ pair, samples }: { pair: string; samples: readonly HealthSample[] }) {
  const { t, i18n } = useAppTranslation();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [drawable] = useState(canDraw);
  // The newest points for a chart created after they arrived (uPlot loads asynchronously).
  const latest = useRef(samples);
  latest.current = samples;

  useEffect(() => {
    const el = box.current;
    if (!el || !drawable) return;
    let gone = false;
    let cleanup = () => {};
    // Loaded on first use: uPlot stays out of the first paint's bundle (and out of jsdom, which lacks matchMedia).
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (gone) return;
      cleanup = draw(UPlot, el);
    });
    return () => {
      gone = true;
      cleanup();
    };
    // Created once per pair and language (samples deliberately not a dependency): data changes go through setData below.
  }, [pair, drawable, i18n.language]);

  function draw(UPlot: typeof uPlot, el: HTMLDivElement): () => void {
    const labels = LANES.map((l) => t(laneLabelKey(l.key)));
    const lng = i18n.language;
    // Mid-tones that read on both themes: the canvas is not restyled when the theme changes.
    const text = '#7d8793';
    const grid = 'rgba(128, 128, 128, 0.25)';
    const stroke = ['#3d85d8', '#a561c7', '#2f9e5b'];
    const u = new UPlot(
      {
        width: Math.max(300, el.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { y: false },
        scales: { x: { time: true }, y: { range: [-0.3, 4.1] } },
        axes: [
          { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, splits, _axis, _space, incr) => timeTicks(lng, splits, incr) },
          {
            stroke: text,
            size: 70,
            grid: { show: false },
            splits: () => LANES.map((l) => l.base + LANE_HEIGHT / 2),
            values: () => labels,
          },
        ],
        // uPlot names and prints the x series in English ("Time") unless told otherwise.
        series: [{ label: t('monitor.chart.time'), value: (_u, v) => (v == null ? '' : pointTime(lng, v)) }, ...LANES.map((_, i) => ({ label: labels[i], stroke: stroke[i], width: 2, paths: UPlot.paths.stepped!({ align: 1 }), points: { show: false }, spanGaps: false }))],
      },
      chartColumns(latest.current) as uPlot.AlignedData,
      el,
    );
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(300, el.clientWidth), height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }

  useEffect(() => {
    plot.current?.setData(chartColumns(samples) as uPlot.AlignedData);
  }, [samples]);

  const last = samples[samples.length - 1];
  const state = (v: number | null) => (v === 1 ? 'up' : v === 0 ? 'down' : 'unknown');
  const summary = last ? t('monitor.chart.latest', { a: state(last.a), b: state(last.b), data: state(last.data), count: samples.length }) : t('monitor.chart.none');
  return (
    <figure className="health-chart" aria-label={t('monitor.chart.label', { pair })}>
      {drawable ? <div ref={box} className="chart-box" /> : <p className="muted small">{t('monitor.chart.noCanvas')}</p>}
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}
