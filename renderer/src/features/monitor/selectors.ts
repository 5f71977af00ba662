import type { State } from '../../store/index';

// Narrow selectors for the Monitor screen (see store/selectors.ts for why each returns one stable value).
export const selectMonitorPairs = (s: State) => s.monitor.pairs;
export const selectMonitorEvents = (s: State) => s.monitor.events;
export const selectMonitorSamples = (s: State) => s.monitor.samples;
export const selectMonitorReceivers = (s: State) => s.monitor.receivers;
export const selectMonitorOp = (s: State) => s.monitor.op;
export const selectMonitorError = (s: State) => s.monitor.error;
export const selectMonitorStarting = (s: State) => s.monitor.starting;
