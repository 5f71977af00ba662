import type { HostEvent } from '../../contract/index';
import { devicesHandlers } from '../handlers/devices';
import { pairHandlers, type PairHandlerOptions } from '../handlers/pair';
import { probeHandlers } from '../handlers/probe';
import type { Handlers } from '../types';
import type { OpenDeviceDeps } from './connect';
import { DeviceManager } from './manager';
import { OutputBatcher } from './output-batcher';

/** How often the wizard's live device text is sent: it is watched, not typed into, so a slower beat than the console's. */
const WIZARD_BATCH_MS = 100;

export interface WizardDeviceOptions extends PairHandlerOptions {
  /** The host's connector, saved logins and lab login (shared with the console). */
  connect: OpenDeviceDeps;
}

/** The pairing wizard's backend: devices.* and pair.* over one DeviceManager, its output batched to `devices.output`. */
export function createWizardDevices(emit: (e: HostEvent) => void, o: WizardDeviceOptions): { handlers: Handlers; dispose(): Promise<void> } {
  const output = new OutputBatcher<'a' | 'b'>((device, data) => emit({ event: 'devices.output', payload: { device, data } }), WIZARD_BATCH_MS);
  const manager = new DeviceManager({ connect: o.connect, output: (d, text) => output.push(d, text) });
  return {
    handlers: { ...devicesHandlers(manager), ...pairHandlers(manager, emit, o), ...probeHandlers(manager) },
    async dispose() {
      await manager.dispose();
      output.flushAll();
    },
  };
}
