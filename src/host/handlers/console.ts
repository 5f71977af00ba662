import type { HostEvent } from '../../contract/index';
import { ConsoleManager } from '../console/manager';
import type { OpenDeviceDeps } from '../devices/connect';
import { progressStep } from '../progress-step';
import type { Handlers } from '../types';

/** console.* over ConsoleManager: thin, so the manager can be tested without the contract. */
export function createConsoleHandlers(deps: OpenDeviceDeps, emit: (e: HostEvent) => void) {
  const consoles = new ConsoleManager(deps, emit);
  const handlers: Handlers = {
    'console.open': (input, ctx) => consoles.open(input, ctx.signal, progressStep(ctx)),
    'console.write': async ({ sessionId, data }) => {
      await consoles.write(sessionId, data);
      return {};
    },
    'console.resize': ({ sessionId, cols, rows }) => ({ applied: consoles.resize(sessionId, cols, rows) }),
    'console.transcript': ({ sessionId }) => consoles.transcript(sessionId),
    'console.close': async ({ sessionId }) => ({ closed: await consoles.close(sessionId) }),
  };
  return { handlers, consoles, dispose: () => consoles.dispose() };
}
