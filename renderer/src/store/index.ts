import { create } from 'zustand';
import type { State } from './types';
import { appSlice } from './slices/app';
import { settingsSlice } from './slices/settings';
import { examplesSlice } from './slices/examples';
import { labSlice } from './slices/lab';
import { editorSlice } from './slices/editor';
import { eventsSlice } from './slices/events';
import { bundlesSlice } from './slices/bundles';

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
    ...bundlesSlice(...a),
    ...eventsSlice(...a),
  }));

export const useStore = createAppStore();
