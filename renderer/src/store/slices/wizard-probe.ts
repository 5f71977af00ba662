import type { StoreApi } from 'zustand';
import type { ForceUnconfirmed } from '../../../../src/contract/index';
import { api, newOpId } from '../../services/api';
import type { State } from '../types';
import type { ProbeState, WizardSlice, WizardState } from '../wizard-types';

type Set = StoreApi<State>['setState'];
type Get = StoreApi<State>['getState'];

export const NO_PROBE: ProbeState = { status: 'idle', override: { on: false, reason: '' } };

/** The probe describes the plan on screen: made for the same pair text, and finished. */
const current = (s: State) => {
  const { plan, probe } = s.wizard;
  return probe.status === 'done' && plan.status === 'done' && probe.text === plan.text ? probe.result : undefined;
};

/** Every planned line confirmed by both devices. */
export const syntaxConfirmed = (s: State): boolean => current(s)?.confirmed === true;

/** The reason typed for "Push anyway", when it is ticked and not blank. */
const overrideReason = (s: State): string | undefined => {
  const o = s.wizard.probe.override;
  const reason = o.reason.trim();
  return o.on && reason !== '' ? reason : undefined;
};

/** What the push sends: a reason only when the devices did not confirm every line. */
export const forceUnconfirmed = (s: State): ForceUnconfirmed | undefined => {
  if (syntaxConfirmed(s)) return undefined;
  const reason = overrideReason(s);
  return reason !== undefined ? { reason } : undefined;
};

/** Why the syntax check keeps Push disabled: a key of app:wizard.plan.blocked, with the count of lines not confirmed. */
export interface PushBlock {
  reason: 'checking' | 'unconfirmed' | 'failed' | 'unchecked';
  count?: number;
}

/**
 * Why the syntax check keeps Push disabled (undefined = it does not). One place for the button and
 * its note. A new object each call: select its fields, not the object.
 */
export function probeBlocksPush(s: State): PushBlock | undefined {
  if (syntaxConfirmed(s) || overrideReason(s) !== undefined) return undefined;
  const { probe } = s.wizard;
  if (probe.status === 'running') return { reason: 'checking' };
  const r = current(s);
  if (r) return { reason: 'unconfirmed', count: (['a', 'b'] as const).reduce((t, k) => t + r.devices[k].lines.filter((l) => l.status !== 'confirmed').length, 0) };
  if (probe.status === 'failed') return { reason: 'failed' };
  return { reason: 'unchecked' };
}

/** The Plan step's syntax check: pair.probe over the connected devices, and the "Push anyway" override. */
export function probeActions(set: Set, get: Get): Pick<WizardSlice, 'checkSyntax' | 'setProbeOverride'> {
  const patch = (p: Partial<WizardState>) => set((s) => ({ wizard: { ...s.wizard, ...p } }));
  return {
    async checkSyntax() {
      const { probe, plan } = get().wizard;
      // The devices are asked about the plan on screen, made for this text.
      const text = plan.text;
      if (probe.status === 'running' || plan.status !== 'done' || text === undefined) return;
      const opId = newOpId();
      patch({ probe: { status: 'running', opId, text, override: probe.override } });
      const r = await api()['pair.probe']({ opId, text });
      const now = get().wizard.probe;
      // A newer plan reset the check meanwhile: this answer describes another plan.
      if (now.opId !== opId) return;
      patch({ probe: r.ok ? { status: 'done', result: r.data, text, override: now.override } : { status: 'failed', error: r.error, text, override: now.override } });
    },

    setProbeOverride(p) {
      const { probe } = get().wizard;
      patch({ probe: { ...probe, override: { ...probe.override, ...p } } });
    },
  };
}
