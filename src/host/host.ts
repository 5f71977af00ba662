import type { Disposable } from '../core/base/emitter';
import { Emitter } from '../core/base/emitter';
import { toErrorInfo } from '../core/base/errors';
import { errorMessage } from '../core/provision/progress-message';
import { internalError } from '../core/transport/internal-error';
import { fail, ok, type Result } from '../core/base/result';
import { CHANNEL_NAMES, channels, DEFAULT_SETTINGS, isChannelName, type ChannelName, type HostEvent, type OpProgress, type Settings } from '../contract/index';
import { validationError } from './invalid';
import { OpRegistry } from './ops';
import { unsupportedMessage } from './handlers/planned';
import type { Handler, HandlerContext, Handlers, HostDeps } from './types';
import { appHandlers } from './handlers/app';
import { pairsHandlers } from './handlers/pairs';
import { examplesHandlers } from './handlers/examples';
import { createLabHandlers } from './handlers/lab';
import { createSettingsHandlers } from './handlers/settings';
import { bundlesHandlers } from './handlers/bundles';
import { createConsoleHandlers } from './handlers/console';
import { deviceDeps } from './device-deps';
import { createMonitorHandlers } from './handlers/monitor';
import { runsHandlers } from './handlers/runs';
import { drillHandlers } from './handlers/drill';
import { reportHandlers } from './handlers/report';
import { oneCableHandlers } from './handlers/one-cable';
import { createWizardDevices } from './devices/index';

export interface Host {
  /** Parse → handler → output check → Result. Never throws, never returns a stack trace. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (e: HostEvent) => void): Disposable;
  /** Channels with a handler in this build. */
  readonly available: readonly ChannelName[];
  dispose(): Promise<void>;
}

/** The one implementation of the contract, shared by Electron IPC and browser mode. */
export function createHost(deps: HostDeps): Host {
  const events = new Emitter<HostEvent>();
  const ops = new OpRegistry();
  const emit = (e: HostEvent) => events.fire(e);
  const lab = createLabHandlers(deps.lab, emit);
  const device = deviceDeps(deps);
  const consoles = createConsoleHandlers(device, emit);
  const wizard = createWizardDevices(emit, { connect: device, journalBase: device.journalBase });
  // The monitor reads interval and ports from the settings at the moment a pair starts.
  const monitor = createMonitorHandlers(deps, emit, async () => {
    const r = await invoke('settings.get', {});
    return (r.ok ? r.data : DEFAULT_SETTINGS) as Settings;
  });

  const handlers: Handlers = {
    ...pairsHandlers(),
    ...examplesHandlers(deps.examplesDir),
    ...createSettingsHandlers(deps.settingsFile, device),
    ...lab.handlers,
    ...consoles.handlers,
    ...bundlesHandlers(deps.keysDir, device),
    ...monitor.handlers,
    ...wizard.handlers,
    ...oneCableHandlers(device, emit),
    ...runsHandlers(device.journalBase),
    ...drillHandlers(monitor.manager, device.journalBase),
    ...reportHandlers({ keysDir: deps.keysDir, journalBase: device.journalBase, ...(deps.pdfPrinter ? { pdf: deps.pdfPrinter } : {}) }),
    'ops.cancel': ({ opId }) => ({ cancelled: ops.cancel(opId) }),
  };
  const available = CHANNEL_NAMES.filter((c) => c === 'app.info' || handlers[c] !== undefined);
  Object.assign(handlers, appHandlers(deps, available, deps.lab !== undefined));

  async function invoke(channel: string, raw: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) return fail({ code: 'NOT_FOUND', message: `Unknown channel "${channel}".` });
    const def = channels[channel];
    const parsed = def.input.safeParse(raw ?? {});
    if (!parsed.success) return fail(validationError(channel, parsed.error));
    const handler = handlers[channel] as Handler<ChannelName> | undefined;
    if (!handler) return fail({ code: 'UNSUPPORTED', message: unsupportedMessage(channel) });

    const input = parsed.data as { opId?: string };
    // ops.cancel and oneCable.answer name a running operation (to abort it, to answer its question):
    // they are not operations themselves, and claiming that opId would refuse them as a duplicate.
    const opId = channel !== 'ops.cancel' && channel !== 'oneCable.answer' && typeof input.opId === 'string' ? input.opId : undefined;
    let ctrl: AbortController;
    try {
      ctrl = opId ? ops.begin(opId) : new AbortController();
    } catch (e) {
      return fail(toErrorInfo(e));
    }
    const progress = (p: Partial<OpProgress> & { step: string }) => {
      if (opId) emit({ event: 'op.progress', payload: { state: 'running', ...p, opId, channel } });
    };
    const ctx: HandlerContext = { signal: ctrl.signal, opId, progress, emit };
    try {
      const data = await handler(input as never, ctx);
      const out = def.output.safeParse(data);
      if (!out.success) throw internalError(`the host answered ${channel} outside the contract`, { details: validationError(channel, out.error).details });
      progress({ step: 'done', state: 'done' });
      return ok(out.data);
    } catch (e) {
      const error = ctrl.signal.aborted ? toErrorInfo(ctrl.signal.reason ?? e) : toErrorInfo(e);
      // The step is the error's English; its message lets the page say it in the reader's language.
      progress({ step: error.message, ...errorMessage(error), state: error.code === 'CANCELLED' ? 'cancelled' : 'failed' });
      return fail(error);
    } finally {
      if (opId) ops.end(opId);
    }
  }

  return {
    invoke,
    onEvent: (l) => events.on(l),
    available,
    async dispose() {
      ops.cancelAll();
      await consoles.dispose();
      await wizard.dispose();
      await monitor.dispose(); // before the lab: its pollers would see the lab vanish
      await lab.dispose();
    },
  };
}
