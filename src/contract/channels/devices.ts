import { z } from 'zod';
import { DeviceKeySchema, Empty, OpIdSchema } from '../common';
import { MessageParamsSchema, MessageSchema } from '../errors';

// Device sessions held by the host for the pairing wizard (and any screen that needs a connected
// device). Passwords go to the host for one connection only; they never come back.

export const SerialPortInfoSchema = z.strictObject({
  path: z.string(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
});
export type SerialPortInfo = z.infer<typeof SerialPortInfoSchema>;

export const ConnectInputSchema = z.strictObject({
  opId: OpIdSchema.optional(),
  device: DeviceKeySchema,
  /** ssh://user@host:port or serial:///dev/ttyUSB0?baud=auto (the pair file's connect syntax). */
  url: z.string().min(1).max(2048),
  /** Login user when the URL has none (always for serial). */
  username: z.string().max(64).optional(),
  /** Used for this connection (and a rollback's reconnect) only; never stored on disk, in logs or returned. */
  password: z.string().max(256).optional(),
  /** SSH private key file on the host machine, and its passphrase. */
  identityFile: z.string().max(4096).optional(),
  passphrase: z.string().max(256).optional(),
  /** The SHA256 fingerprint the user confirmed after a HOST_KEY_UNKNOWN answer; any other key is still refused. */
  acceptHostKey: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/).optional(),
});
export type ConnectInput = z.input<typeof ConnectInputSchema>;

export const ConnectOutputSchema = z.strictObject({
  device: DeviceKeySchema,
  kind: z.enum(['ssh', 'serial']),
  /** "ssh admin@127.0.0.1:2201", "/dev/ttyUSB0 @9600": what the wizard shows. */
  label: z.string(),
  /** Serial: the speed in use (auto-baud's choice when none was given). */
  baud: z.number().int().optional(),
  /** Serial: true when auto-baud chose the speed. */
  autoBaud: z.boolean().optional(),
  /** The device prompt after login, e.g. "<FW1>". */
  prompt: z.string(),
  sysname: z.string(),
  /** SSH: the trusted host key's fingerprint. */
  fingerprint: z.string().optional(),
  /** The redacted transcript of this session on the host. */
  transcript: z.string(),
});
export type ConnectOutput = z.infer<typeof ConnectOutputSchema>;

const WordedValueSchema = z.strictObject({ sep: z.enum(['comma', 'semicolon']), items: z.array(MessageSchema) });

/** One difference between the two devices worth highlighting (core's compareFacts). */
export const FactMismatchSchema = z.strictObject({
  field: z.string(),
  label: z.string(),
  a: z.string().optional(),
  b: z.string().optional(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** The message (compare.*) and the label (compare.label.*) in the core catalogue; `message` and `label` stay the English. */
  code: z.string().optional(),
  params: MessageParamsSchema.optional(),
  labelCode: z.string().optional(),
  /** A side's value the tool worded (compare.value.*), parts joined by `sep`; `a` and `b` stay the English. */
  values: z.strictObject({ a: WordedValueSchema.optional(), b: WordedValueSchema.optional() }).optional(),
});
export type FactMismatch = z.infer<typeof FactMismatchSchema>;

/** DeviceFacts (src/core/model/facts.ts) as JSON; the renderer reads it through that type. */
export const FactsSchema = z.record(z.string(), z.unknown());
export type { DeviceFacts } from '../../core/model/facts';

export const DiscoverOutputSchema = z.strictObject({
  facts: z.strictObject({ a: FactsSchema.optional(), b: FactsSchema.optional() }),
  /** Present once both devices have been read. */
  mismatches: z.array(FactMismatchSchema).optional(),
});
export type DiscoverOutput = z.infer<typeof DiscoverOutputSchema>;

export const devicesChannels = {
  'devices.listPorts': {
    input: Empty,
    output: z.strictObject({ ports: z.array(SerialPortInfoSchema), warning: z.string().optional() }),
    summary: 'Serial ports with USB vendor/product names',
  },
  'devices.connect': { input: ConnectInputSchema, output: ConnectOutputSchema, summary: 'Connect device A or B: SSH with host-key confirmation, or serial with auto-baud (op)' },
  'devices.disconnect': {
    input: z.strictObject({ device: DeviceKeySchema }),
    output: z.strictObject({ disconnected: z.boolean() }),
    summary: 'Close a device session',
  },
  'devices.discover': {
    input: z.strictObject({ opId: OpIdSchema.optional(), devices: z.array(DeviceKeySchema).min(1).max(2).default(['a', 'b']) }),
    output: DiscoverOutputSchema,
    summary: 'Read model, software, interfaces, RBM, VRRP and track state of connected devices, and compare them (op)',
  },
} as const;
