import type { Settings } from '../../contract/index';
import { MonitorManager } from '../monitor/manager';
import { runMonitorOp } from '../monitor/ops';
import type { Handlers, HostDeps } from '../types';
import type { HostEvent } from '../../contract/index';

/** monitor.* over the host's MonitorManager: thin adapters, the work is in src/host/monitor. */
export function createMonitorHandlers(deps: HostDeps, emit: (e: HostEvent) => void, settings: () => Promise<Settings>) {
  const manager = new MonitorManager({ emit, settings, lab: deps.lab, options: deps.monitor });
  const handlers: Handlers = {
    'monitor.start': (input) => manager.start(input),
    'monitor.stop': async ({ pair }) => ({ stopped: await manager.stop(pair) }),
    'monitor.snapshot': () => manager.snapshot(),
    'monitor.history': ({ pair, since, limit }) => ({ events: manager.events(pair, since, limit) }),
    'monitor.op': ({ pair, op }, ctx) => runMonitorOp(manager.subject(pair), op, ctx.signal, (step) => ctx.progress(step)),
  };
  return { handlers, manager, dispose: () => manager.dispose() };
}
