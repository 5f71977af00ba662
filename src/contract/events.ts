import { z } from 'zod';
import type { EventName } from './names';
import { OpIdSchema } from './common';
import { MessageParamsSchema } from './errors';
import { LabStatusSchema } from './channels/lab';
import { MonitorBatchSchema } from './channels/monitor';
import { PairProgressSchema } from './channels/commissioning';
import { OneCableProgressSchema } from './channels/one-cable';

export const OpProgressSchema = z.strictObject({
  opId: OpIdSchema,
  channel: z.string(),
  /** A short step name ("starting device A"); `line` carries a per-line push progress. */
  step: z.string(),
  done: z.number().int().optional(),
  total: z.number().int().optional(),
  line: z.string().optional(),
  /** `step` as a message of the core catalogue, for the reader's language; `step` stays the English. */
  code: z.string().optional(),
  params: MessageParamsSchema.optional(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
});
export type OpProgress = z.infer<typeof OpProgressSchema>;

/** Everything the host pushes without being asked; console output is batched, never per chunk. */
export const events = {
  'op.progress': OpProgressSchema,
  'lab.status': LabStatusSchema,
  // `closed` ends the session (the device logged out or the link dropped); `reason` says why.
  'console.output': z.strictObject({ sessionId: z.string(), data: z.string(), closed: z.boolean().optional(), reason: z.string().optional() }),
  'monitor.events': MonitorBatchSchema,
  /** A connected device's session text (redacted), batched every ~100 ms. */
  'devices.output': z.strictObject({ device: z.enum(['a', 'b']), data: z.string() }),
  'pair.progress': PairProgressSchema,
  'oneCable.progress': OneCableProgressSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type HostEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export const HostEventSchema = z.discriminatedUnion(
  'event',
  Object.entries(events).map(([event, payload]) => z.strictObject({ event: z.literal(event), payload })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);
