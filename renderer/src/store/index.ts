import { create } from 'zustand';
import type { State } from './types';
import { appSlice } from './slices/app';
import { settingsSlice } from './slices/settings';
import { examplesSlice } from './slices/examples';
import { labSlice } from './slices/lab';
import { editorSlice } from './slices/editor';
import { pairSchemaSlice } from './slices/pair-schema';
import { eventsSlice } from './slices/events';
import { bundlesSlice } from './slices/bundles';
import { consoleSlice } from './slices/console';
import { trustSlice } from './slices/trust';
import { bundleToolsSlice } from './slices/bundle-tools';
import { monitorSlice } from './slices/monitor';
import { wizardSlice } from './slices/wizard';
import { drillSlice } from './slices/drill';
import { reportSlice } from './slices/report';
import { oneCableSlice } from './slices/one-cable';

export type { State, Screen } from './types';
export { SCREENS } from './types';

/** One store of slices. Serialisable data only: no transports, sockets, timers or secrets. */
export const createAppStore = () =>
  create<State>()((...a) => ({
    ...appSlice(...a),
    ...settingsSlice(...a),
    ...examplesSlice(...a),
    ...labSlice(...a),
    ...editorSlice(...a),
    ...pairSchemaSlice(...a),
    ...bundlesSlice(...a),
    ...consoleSlice(...a),
    ...trustSlice(...a),
    ...bundleToolsSlice(...a),
    ...monitorSlice(...a),
    ...wizardSlice(...a),
    ...drillSlice(...a),
    ...reportSlice(...a),
    ...oneCableSlice(...a),
    ...eventsSlice(...a),
  }));

export const useStore = createAppStore();
