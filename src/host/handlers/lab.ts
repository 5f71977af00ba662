import { AppError, toErrorInfo } from '../../core/base/errors';
import type { HostEvent, LabStatus } from '../../contract/index';
import type { Handlers, LabAdapter } from '../types';
import { parseDoc } from '../pair-text';

/** The lab pair's lifecycle as one state machine; every change is pushed as a lab.status event. */
export function createLabHandlers(adapter: LabAdapter | undefined, emit: (e: HostEvent) => void) {
  let status: LabStatus = { state: 'stopped', devices: [] };
  let starting: Promise<LabStatus> | undefined;
  const set = (s: LabStatus) => {
    status = s;
    emit({ event: 'lab.status', payload: s });
    return s;
  };

  const stop = async (): Promise<LabStatus> => {
    if (!adapter || status.state === 'stopped') return status;
    set({ ...status, state: 'stopping' });
    try {
      await adapter.stop();
      return set({ state: 'stopped', devices: [] });
    } catch (e) {
      return set({ state: 'failed', devices: [], error: toErrorInfo(e) });
    }
  };

  if (!adapter) return { handlers: {} as Handlers, dispose: async () => {} };

  const handlers: Handlers = {
    'lab.status': () => status,
    'lab.stop': () => stop(),
    'lab.start': async ({ baud, oneCable }, ctx) => {
      if (status.state === 'running') return status;
      if (starting) return starting; // a second click joins the start already under way
      if (status.state === 'stopping') throw new AppError('CONFLICT', 'The lab is stopping.', { fix: 'Try again in a moment.', message: { key: 'host.lab-stopping' } });
      set({ state: 'starting', devices: [] });
      starting = adapter
        .start({ baud, ...(oneCable ? { oneCable } : {}), signal: ctx.signal, progress: (step) => ctx.progress({ step }) })
        .then(
          (r) => set({ state: 'running', devices: r.devices, ...(r.cablePath ? { cablePath: r.cablePath } : {}), ...(r.pairText ? { pairText: r.pairText, pairDoc: parseDoc(r.pairText) } : {}) }),
          (e: unknown) => {
            const error = toErrorInfo(e);
            // A cancelled start leaves nothing running (the adapter stops a late lab): plainly stopped.
            set(error.code === 'CANCELLED' ? { state: 'stopped', devices: [] } : { state: 'failed', devices: [], error });
            throw e;
          },
        )
        .finally(() => {
          starting = undefined;
        });
      return starting;
    },
  };
  return { handlers, dispose: async () => void (await stop()) };
}
