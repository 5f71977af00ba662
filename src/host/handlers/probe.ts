/**
 * pair.probe: the wizard's Plan step asks both connected devices to confirm every planned line
 * with their own `?` help (core/probe), so it can show each line confirmed or not, with what the
 * device offers instead. Nothing is executed but view entry; a view created is removed again.
 */
import { AppError } from '../../core/base/errors';
import type { DeviceKey } from '../../core/model/pair';
import { planDevice } from '../../core/provision/plan';
import { readRunning } from '../../core/provision/push';
import type { Session } from '../../core/provision/types';
import { probeJson } from '../../core/probe/format';
import { probePair } from '../../core/probe/pair';
import { isConfirmed } from '../../core/probe/types';
import type { ProbeOutput } from '../../contract/index';
import type { DeviceManager } from '../devices/manager';
import { requireValidPair } from '../pair-text';
import type { Handlers } from '../types';

const KEYS = ['a', 'b'] as const;

export function probeHandlers(devices: DeviceManager): Handlers {
  return {
    'pair.probe': async ({ text }, ctx) => {
      const { pair, pack } = requireValidPair(text, 'unasked', 'step3');
      for (const k of KEYS) if (!devices.connected(k)) throw new AppError('DISCONNECTED', `Device ${k.toUpperCase()} is not connected.`, { fix: `Connect device ${k.toUpperCase()} in step 1.`, message: { key: 'host.not-connected', params: { device: k.toUpperCase() } } });
      return devices.exclusive(KEYS, 'probing', async (): Promise<ProbeOutput> => {
        const sessions = {} as Record<DeviceKey, Session>;
        const running = {} as Record<DeviceKey, string>;
        await Promise.all(
          KEYS.map(async (k) => {
            sessions[k] = await devices.sessionFor(k, ctx.signal);
            ctx.progress({ step: `device ${k.toUpperCase()}: reading the running configuration`, code: 'host.status.reading-running', params: { device: k.toUpperCase() } });
            running[k] = await readRunning(sessions[k], ctx.signal);
          }),
        );
        const plans = { a: planDevice(pair, pack, 'a', running.a), b: planDevice(pair, pack, 'b', running.b) };
        const r = await probePair({
          pair,
          pack,
          plans,
          sessions,
          signal: ctx.signal,
          // The line is device text: only "device A" and the count are said in the reader's language.
          onLine: (k, v, i, total) => ctx.progress({ step: `device ${k.toUpperCase()}: ${i + 1}/${total} ${v.line}`, code: 'host.status.reading', params: { device: k.toUpperCase(), index: i + 1, total, command: v.line } }),
        });
        return { ...probeJson(r), confirmed: isConfirmed(r.a) && isConfirmed(r.b) };
      });
    },
  };
}
