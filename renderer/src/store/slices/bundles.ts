import type { StateCreator } from 'zustand';
import { api } from '../../services/api';
import type { BundlesSlice, State } from '../types';

export const bundlesSlice: StateCreator<State, [], [], BundlesSlice> = (set) => ({
  bundleBusy: false,
  async checkBundle(name, data) {
    set({ bundleBusy: true, bundleError: undefined, bundle: undefined });
    const verify = await api()['bundles.verify']({ name, data });
    if (!verify.ok) return set({ bundleBusy: false, bundleError: verify.error });
    // The manifest only of an intact bundle: a damaged one is refused whole.
    const show = verify.data.valid ? await api()['bundles.show']({ name, data }) : undefined;
    set({ bundleBusy: false, bundle: { name, verify: verify.data, ...(show?.ok ? { show: show.data } : {}) }, ...(show && !show.ok ? { bundleError: show.error } : {}) });
  },
});
