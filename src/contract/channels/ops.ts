import { z } from 'zod';
import { OpIdSchema } from '../common';

export const opsChannels = {
  'ops.cancel': {
    input: z.strictObject({ opId: OpIdSchema }),
    output: z.strictObject({ cancelled: z.boolean() }),
    summary: 'Abort a running operation; false when no such operation is running',
  },
} as const;
