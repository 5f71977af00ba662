import { z } from 'zod';
import { DeviceKeySchema } from '../common';

// Planned (issue 7 console over issue 4 sessions). Output arrives batched as console.output events.

export const consoleChannels = {
  'console.open': {
    input: z.strictObject({ device: DeviceKeySchema }),
    output: z.strictObject({ sessionId: z.string() }),
    summary: 'Attach a terminal to a connected device',
  },
  'console.write': {
    input: z.strictObject({ sessionId: z.string(), data: z.string().max(64 * 1024) }),
    output: z.strictObject({}),
    summary: 'Keystrokes to the device',
  },
  'console.close': {
    input: z.strictObject({ sessionId: z.string(), saveTranscript: z.boolean().default(false) }),
    output: z.strictObject({ transcript: z.string().optional() }),
    summary: 'Detach; optionally save the redacted transcript',
  },
} as const;
