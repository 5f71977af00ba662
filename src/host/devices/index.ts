import type { ConnectTarget } from '../../core/model/connect';
import type { HostEvent } from '../../contract/index';
import { devicesHandlers } from '../handlers/devices';
import { pairHandlers, type PairHandlerOptions } from '../handlers/pair';
import type { Handlers } from '../types';
import { DeviceManager } from './manager';
import { OutputBatcher } from './output-batcher';

export interface WizardDeviceOptions extends PairHandlerOptions {
  knownHostsFile?: string;
  transcriptDir?: string;
  labLogin?(target: ConnectTarget): { username: string; password: string } | undefined;
}

/** The pairing wizard's backend: devices.* and pair.* over one DeviceManager, its output batched to `devices.output`. */
export function createWizardDevices(emit: (e: HostEvent) => void, o: WizardDeviceOptions = {}): { handlers: Handlers; dispose(): Promise<void> } {
  const output = new OutputBatcher((device, data) => emit({ event: 'devices.output', payload: { device, data } }));
  const manager = new DeviceManager({
    ...(o.knownHostsFile ? { knownHostsFile: o.knownHostsFile } : {}),
    ...(o.transcriptDir ? { transcriptDir: o.transcriptDir } : {}),
    output: (d, text) => output.push(d, text),
    ...(o.labLogin ? { labLogin: o.labLogin } : {}),
  });
  return {
    handlers: { ...devicesHandlers(manager), ...pairHandlers(manager, emit, o) },
    async dispose() {
      await manager.dispose();
      output.flush();
    },
  };
}
