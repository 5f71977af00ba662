import { z } from 'zod';
import { DeviceKeySchema, Empty, OpIdSchema } from '../common';

// Planned (issue 4: transports and discovery). Schemas fixed now so the wizard can be typed.

export const SerialPortInfoSchema = z.strictObject({
  path: z.string(),
  manufacturer: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
});

export const ConnectInputSchema = z.strictObject({
  opId: OpIdSchema.optional(),
  device: DeviceKeySchema,
  url: z.string().min(1),
  /** Used once for login, never stored by the host or the renderer. */
  password: z.string().optional(),
  identityFile: z.string().optional(),
  /** The SHA256 fingerprint the user confirmed after a HOST_KEY_UNKNOWN answer. */
  acceptHostKey: z.string().optional(),
});

export const ConnectOutputSchema = z.strictObject({
  device: DeviceKeySchema,
  kind: z.enum(['ssh', 'serial']),
  /** Serial: the speed auto-baud chose. */
  baud: z.number().int().optional(),
  prompt: z.string(),
});

export const devicesChannels = {
  'devices.listPorts': {
    input: Empty,
    output: z.strictObject({ ports: z.array(SerialPortInfoSchema) }),
    summary: 'Serial ports with USB vendor/product names',
  },
  'devices.connect': { input: ConnectInputSchema, output: ConnectOutputSchema, summary: 'Connect device A or B (op)' },
  'devices.disconnect': {
    input: z.strictObject({ device: DeviceKeySchema }),
    output: z.strictObject({ disconnected: z.boolean() }),
    summary: 'Close a device session',
  },
  'devices.discover': {
    input: z.strictObject({ opId: OpIdSchema.optional(), device: DeviceKeySchema }),
    output: z.strictObject({ device: DeviceKeySchema, facts: z.record(z.string(), z.unknown()) }),
    summary: 'Read model, software, interfaces, RBM, VRRP and track state (op)',
  },
} as const;
