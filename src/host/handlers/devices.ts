import { listPorts } from '../../core/transport/node/serial-ports';
import type { DeviceManager } from '../devices/manager';
import type { Handlers } from '../types';
import { progressStep } from '../progress-step';

/** devices.* over the host's DeviceManager: the wizard's connections to A and B. */
export function devicesHandlers(devices: DeviceManager): Handlers {
  return {
    'devices.listPorts': async () => {
      const r = await listPorts();
      return {
        ports: r.ports.map((p) => ({
          path: p.path,
          ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
          ...(p.product ? { product: p.product } : {}),
          ...(p.vendorId ? { vendorId: p.vendorId } : {}),
          ...(p.productId ? { productId: p.productId } : {}),
        })),
        ...(r.warning ? { warning: r.warning } : {}),
      };
    },
    'devices.connect': (input, ctx) => devices.connect(input, ctx.signal, progressStep(ctx)),
    'devices.disconnect': async ({ device }) => ({ disconnected: await devices.disconnect(device) }),
    'devices.discover': async ({ devices: keys }, ctx) => {
      const r = await devices.discover(keys, ctx.signal, progressStep(ctx));
      // DeviceFacts is plain JSON data; the contract carries it as a record.
      return { facts: r.facts as Record<string, Record<string, unknown>>, ...(r.mismatches ? { mismatches: r.mismatches } : {}) };
    },
  };
}
