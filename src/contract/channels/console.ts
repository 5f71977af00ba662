import { z } from 'zod';
import { OpIdSchema } from '../common';

/**
 * A terminal to any device, on its own connection (not the wizard's sessions: a typed command
 * must never interleave with a push). Output arrives batched as console.output events.
 */
export const ConsoleOpenInputSchema = z.strictObject({
  opId: OpIdSchema.optional(),
  /** ssh://user@host:port or serial:///dev/ttyUSB0?baud=auto (the pair file's connect syntax). */
  url: z.string().min(1).max(500),
  /** Console login name; SSH takes it from the URL. */
  username: z.string().max(64).optional(),
  /** Used once for login, never stored by the host unless saveCredential is set (then in the keychain). */
  password: z.string().max(256).optional(),
  /** Log in with a credential kept in Settings (the renderer never sees its password). */
  credentialId: z.string().max(64).optional(),
  /**
   * Log in to a device of the built-in lab with the lab's own login, which stays in the host.
   * Honoured only when `url` is one of the running lab's devices.
   */
  labLogin: z.boolean().optional(),
  /** The SHA256 fingerprint the user confirmed after a HOST_KEY_UNKNOWN answer. */
  acceptHostKey: z.string().max(128).optional(),
  cols: z.number().int().min(10).max(500).default(80),
  rows: z.number().int().min(4).max(300).default(24),
});

export const ConsoleSessionSchema = z.strictObject({
  sessionId: z.string(),
  /** "ssh admin@127.0.0.1:2201", "/dev/ttyUSB0 @9600". */
  label: z.string(),
  kind: z.enum(['ssh', 'serial']),
  baud: z.number().int().optional(),
  /** The prompt the device showed after login, e.g. <FW1>. */
  prompt: z.string(),
});
export type ConsoleSession = z.infer<typeof ConsoleSessionSchema>;

const SessionId = z.string().min(1).max(64);

export const consoleChannels = {
  'console.open': { input: ConsoleOpenInputSchema, output: ConsoleSessionSchema, summary: 'Connect a terminal to a device (op: cancel while connecting)' },
  'console.write': {
    input: z.strictObject({ sessionId: SessionId, data: z.string().max(64 * 1024) }),
    output: z.strictObject({}),
    summary: 'Keystrokes to the device',
  },
  'console.resize': {
    input: z.strictObject({ sessionId: SessionId, cols: z.number().int().min(10).max(500), rows: z.number().int().min(4).max(300) }),
    output: z.strictObject({ applied: z.boolean() }),
    summary: 'Terminal size (SSH window change; a serial line has no size)',
  },
  'console.transcript': {
    input: z.strictObject({ sessionId: SessionId }),
    output: z.strictObject({ name: z.string(), text: z.string() }),
    summary: 'The redacted transcript so far (JSON lines), for download',
  },
  'console.close': {
    input: z.strictObject({ sessionId: SessionId }),
    output: z.strictObject({ closed: z.boolean() }),
    summary: 'Log out and close the connection',
  },
} as const;
