import type { State } from '../../../store/types';
import type { WizardStep } from '../../../store/wizard-types';

/** Why a step cannot be opened yet, as a key of app:wizard.steps.blocked (the step bar words it). */
export type StepBlock = 'running' | 'connectBoth' | 'oneCable' | 'settingsErrors' | 'planFirst' | 'pushFirst';

/** Steps the one-cable run walks by itself inside step 1: their own pages describe the two-connection flow. */
const ONE_CABLE_OWNS: readonly WizardStep[] = ['discover', 'plan', 'push', 'verify', 'save'];

/** Why a step cannot be opened yet (undefined = it can). One place, so the step bar and tests agree. */
export function stepBlocked(s: State, step: WizardStep): StepBlock | undefined {
  const w = s.wizard;
  const both = w.devices.a.status === 'connected' && w.devices.b.status === 'connected';
  const running = w.push.status === 'running' || w.push.status === 'cancelling';
  if (running && step !== 'push') return 'running';
  if (s.oneCable.on && ONE_CABLE_OWNS.includes(step)) return 'oneCable';
  switch (step) {
    case 'connect':
    case 'settings':
      return undefined;
    case 'discover':
      return both ? undefined : 'connectBoth';
    case 'plan':
      if (!both) return 'connectBoth';
      return s.editor.valid ? undefined : 'settingsErrors';
    case 'push':
      return w.push.status !== 'idle' || (w.plan.status === 'done' && w.plan.result?.outcome === 'dry-run') ? undefined : 'planFirst';
    case 'verify':
    case 'save':
      return w.push.result ? undefined : 'pushFirst';
    case 'export':
      return s.editor.valid ? undefined : 'settingsErrors';
  }
}
