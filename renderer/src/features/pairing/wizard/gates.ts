import type { State } from '../../../store/types';
import type { WizardStep } from '../../../store/wizard-types';

/** Why a step cannot be opened yet (undefined = it can). One place, so the step bar and tests agree. */
export function stepBlocked(s: State, step: WizardStep): string | undefined {
  const w = s.wizard;
  const both = w.devices.a.status === 'connected' && w.devices.b.status === 'connected';
  const running = w.push.status === 'running' || w.push.status === 'cancelling';
  if (running && step !== 'push') return 'a push is running';
  switch (step) {
    case 'connect':
    case 'settings':
      return undefined;
    case 'discover':
      return both ? undefined : 'connect both devices first';
    case 'plan':
      if (!both) return 'connect both devices first';
      return s.editor.valid ? undefined : 'the settings have errors';
    case 'push':
      return w.push.status !== 'idle' || (w.plan.status === 'done' && w.plan.result?.outcome === 'dry-run') ? undefined : 'make a plan with something to push first';
    case 'verify':
    case 'save':
      return w.push.result ? undefined : 'push first';
    case 'export':
      return s.editor.valid ? undefined : 'the settings have errors';
  }
}
