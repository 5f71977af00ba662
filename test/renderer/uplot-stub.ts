import type uPlot from 'uplot';

/**
 * A stand-in for uPlot, which draws on a canvas jsdom lacks: a test mocks 'uplot' with this module
 * and reads `charts` for the options the chart was made with (its axis labels, series names).
 */
export const charts: { opts: uPlot.Options; data: unknown }[] = [];

export default class FakePlot {
  static paths = { stepped: () => () => null };
  constructor(opts: uPlot.Options, data: unknown) {
    charts.push({ opts, data });
  }
  setData() {}
  setSize() {}
  destroy() {}
}
