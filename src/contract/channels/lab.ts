import { z } from 'zod';
import { Empty, OpIdSchema } from '../common';
import { ErrorInfoSchema } from '../errors';

export const LabDeviceSchema = z.strictObject({
  key: z.enum(['a', 'b']),
  sysname: z.string(),
  ssh: z.strictObject({ host: z.string(), port: z.number().int(), username: z.string() }).optional(),
  serialPath: z.string().optional(),
});

/** The lab's credentials stay in the host: a renderer store never holds a password. */
export const LabStatusSchema = z.strictObject({
  state: z.enum(['stopped', 'starting', 'running', 'stopping', 'failed']),
  devices: z.array(LabDeviceSchema),
  /** Started with one console cable: the port to open (its far end is device A, B or nothing). */
  cablePath: z.string().optional(),
  /** A pair file describing the lab pair, ready for the editor and the wizard. */
  pairText: z.string().optional(),
  /** The same, parsed (as written, before defaults) for the form editor. */
  pairDoc: z.unknown().optional(),
  error: ErrorInfoSchema.optional(),
});
export type LabStatus = z.infer<typeof LabStatusSchema>;

export const labChannels = {
  'lab.start': {
    input: z.strictObject({ opId: OpIdSchema.optional(), baud: z.number().int().positive().optional(), oneCable: z.boolean().optional() }),
    output: LabStatusSchema,
    summary: 'Start the built-in lab pair in the host process (op: progress + cancel)',
  },
  'lab.stop': { input: Empty, output: LabStatusSchema, summary: 'Stop the lab pair' },
  'lab.status': { input: Empty, output: LabStatusSchema, summary: 'Lab pair state' },
} as const;
