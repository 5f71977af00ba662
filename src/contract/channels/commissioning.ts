import { z } from 'zod';
import { OpIdSchema, PairTextSchema } from '../common';

// Planned (issue 5: preflight, plan, apply, verify, save).

const DevicePlan = z.strictObject({ add: z.array(z.string()), remove: z.array(z.string()) });

export const PlanOutputSchema = z.strictObject({
  devices: z.strictObject({ a: DevicePlan, b: DevicePlan }),
  nothingToDo: z.boolean(),
});

export const ApplyOutputSchema = z.strictObject({
  verified: z.boolean(),
  saved: z.boolean(),
  journal: z.string(),
});

export const commissioningChannels = {
  'pair.plan': {
    input: z.strictObject({ opId: OpIdSchema.optional(), text: PairTextSchema }),
    output: PlanOutputSchema,
    summary: 'Per-device diff against the running configuration (op)',
  },
  'pair.apply': {
    input: z.strictObject({ opId: OpIdSchema, text: PairTextSchema, rollback: z.boolean().default(true) }),
    output: ApplyOutputSchema,
    summary: 'Push, verify and save both devices, with per-line progress and rollback (op)',
  },
} as const;
