import { z } from 'zod';

/**
 * A platform pack is everything vendor-specific, as data: prompts, pager, error strings,
 * confirmations, login texts, command templates and parameter limits. A field engineer can dump
 * it (`hotpair pack dump`), correct a template for a release, and load it with `--pack FILE`.
 * Templates use {placeholders}; `verified: false` marks syntax not confirmed from vendor text
 * (see shared/docs/comware-cli.md §7) so the UI and plan can say so.
 */
const Template = z.strictObject({
  template: z.string().min(1),
  /** Form that removes the setting; absent when the command is an action (nothing to undo). */
  undo: z.string().optional(),
  /** View the command is entered in. */
  view: z.enum(['user', 'system', 'rbm', 'interface', 'track']),
  verified: z.boolean(),
  note: z.string().optional(),
});
export type CommandTemplate = z.infer<typeof Template>;

const Range = z.tuple([z.number(), z.number()]);

export const PlatformPackSchema = z.strictObject({
  formatVersion: z.literal(1),
  id: z.string(),
  name: z.string(),
  version: z.string(),
  prompts: z.strictObject({
    /** Any prompt at the tail of the buffer: groups rbm, bracket, body. */
    any: z.string(),
    user: z.string(),
    config: z.string(),
    rbmPrefixes: z.array(z.string()),
  }),
  pager: z.strictObject({ marker: z.string(), continueKey: z.string() }),
  errors: z.array(z.strictObject({ pattern: z.string(), kind: z.string() })),
  /** Confirmation questions and the answer the tool gives; `abort: true` means never answer. */
  confirmations: z.array(z.strictObject({ pattern: z.string(), answer: z.string(), abort: z.boolean().optional() })),
  login: z.strictObject({
    pressEnter: z.string(),
    username: z.string(),
    password: z.string(),
    firstLogin: z.string(),
    oldPassword: z.string(),
    newPassword: z.string(),
    confirmPassword: z.string(),
    authFailed: z.string(),
    lockedOut: z.string(),
  }),
  session: z.strictObject({
    disablePaging: z.string(),
    enterSystemView: z.string(),
    returnToUser: z.string(),
    quit: z.string(),
    save: z.string(),
    saveOk: z.string(),
    lineMax: z.number().int(),
    /** Async log lines on the console (`%Nov 25 14:00:00:123 2026 FW1 RBM/6/...`). */
    logLine: z.string(),
  }),
  limits: z.strictObject({
    controlPort: Range,
    keepaliveInterval: Range,
    keepaliveCount: Range,
    fallbackDelaySeconds: Range,
    consistencyIntervalHours: Range,
  }),
  commands: z.record(z.string(), Template),
  displays: z.record(z.string(), z.string()),
  /** Commit-confirmed style automatic revert; null where the platform has none. */
  commitDelay: z.strictObject({ start: z.string(), confirm: z.string(), minutes: z.number().int(), verified: z.boolean() }).nullable(),
  usbAutoConfig: z.strictObject({ indexFile: z.string(), indexTemplate: z.string(), verified: z.boolean() }),
});
export type PlatformPack = z.infer<typeof PlatformPackSchema>;

/** Fill a template's {placeholders}; a missing value is a programming error, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k];
    if (v === undefined) throw new Error(`template "${template}" needs {${k}}`);
    return String(v);
  });
}

/** Parse pack text (JSON) into a pack, returning readable issues instead of throwing. */
export function parsePack(text: string): { ok: true; pack: PlatformPack } | { ok: false; issues: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [`not JSON: ${(e as Error).message}`] };
  }
  const r = PlatformPackSchema.safeParse(raw);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  for (const [key, t] of Object.entries(r.data.commands)) {
    if (t.template.length > r.data.session.lineMax) return { ok: false, issues: [`commands.${key}: template longer than lineMax`] };
  }
  return { ok: true, pack: r.data };
}
