import type { StateCreator } from 'zustand';
import { api, newOpId } from '../../services/api';
import type { LabSlice, State } from '../types';

export const labSlice: StateCreator<State, [], [], LabSlice> = (set, get) => ({
  lab: { state: 'stopped', devices: [] },
  async startLab(o) {
    if (get().labOpId) return;
    const opId = newOpId();
    set({ labOpId: opId, labStep: undefined, labError: undefined });
    const r = await api()['lab.start']({ opId, ...(o?.oneCable ? { oneCable: true } : {}) });
    // A cancel the user asked for is not an error to show.
    const labError = r.ok || r.error.code === 'CANCELLED' ? undefined : r.error;
    set({ ...(r.ok ? { lab: r.data } : {}), labError, labOpId: undefined, labStep: undefined });
  },
  async cancelLab() {
    const opId = get().labOpId;
    if (opId) await api()['ops.cancel']({ opId });
  },
  async stopLab() {
    const r = await api()['lab.stop']({});
    set(r.ok ? { lab: r.data } : { labError: r.error });
  },
});
