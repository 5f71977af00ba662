import { z } from 'zod';

/**
 * What a {placeholder} takes on the device's CLI: the lab builds its grammar and `?` help from it,
 * so a probe of the lab sees the argument hints a device prints (`INTEGER<1-255>`, `X.X.X.X`).
 */
const Param = z.strictObject({
  type: z.enum(['int', 'ipv4', 'ipv6', 'mask', 'interface', 'string', 'text', 'keyword', 'time', 'weekday']),
  /** int: the value range; string/text: the length range. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  /** int: the range is this entry of `limits`, so the validator and the device agree. */
  limit: z.enum(['controlPort', 'keepaliveInterval', 'keepaliveCount', 'fallbackDelaySeconds', 'consistencyIntervalHours']).optional(),
  /** keyword: the words accepted in its place. */
  values: z.array(z.string().min(1)).optional(),
  /** The argument hint of `?` help; derived from the type and range when absent. */
  hint: z.string().optional(),
  description: z.string().optional(),
  /** The command is also complete without it. */
  optional: z.boolean().optional(),
  /** The keyword written only with it (`port` in `remote-ip {ip} port {port}`), left out with it. */
  introducedBy: z.string().optional(),
});
export type ParamSpec = z.infer<typeof Param>;

/**
 * A platform pack is everything vendor-specific, as data: prompts, pager, error strings,
 * confirmations, login texts, command templates and parameter limits. A field engineer can dump
 * it (`hotpair pack dump`), correct a template for a release, and load it with `--pack FILE`.
 * Templates use {placeholders}; `verified: false` marks syntax not confirmed from vendor text,
 * so the UI and plan can say so.
 */
const Template = z.strictObject({
  template: z.string().min(1),
  /** Placeholders whose meaning here differs from the pack-wide `params`. */
  params: z.record(z.string(), Param).optional(),
  /** Form that removes the setting; absent when the command is an action (nothing to undo). */
  undo: z.string().optional(),
  /** View the command is entered in. */
  view: z.enum(['user', 'system', 'rbm', 'interface', 'track']),
  verified: z.boolean(),
  note: z.string().optional(),
});
export type CommandTemplate = z.infer<typeof Template>;

const Range = z.tuple([z.number(), z.number()]);

/**
 * What goes on a USB disk for the appliance's automatic configuration. {placeholders}: serial,
 * mac, sysname, file (a device's configuration file name), timesn (a stamp of the bundle's
 * creation time). A line of the index whose placeholder has no value (MAC not known) is left out.
 */
const UsbAutoConfig = z.strictObject({
  /** Each device's configuration file in the USB root. */
  configFile: z.string().min(1),
  /** The index file in the USB root; null when the device finds its configFile by name alone. */
  indexFile: z.string().min(1).nullable(),
  indexHeader: z.string(),
  /** One per device, in pair order (a, b). */
  indexEntry: z.string(),
  indexFooter: z.string(),
  verified: z.boolean(),
  note: z.string().optional(),
});
export type UsbAutoConfig = z.infer<typeof UsbAutoConfig>;

/** The earlier form (one `autocfg.ini`, named in no vendor text): still read so older bundles open, never used to export. */
const LegacyUsbAutoConfig = z.strictObject({ indexFile: z.string(), indexTemplate: z.string(), verified: z.boolean() });

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
  /** What each {placeholder} of the templates takes, unless a command says otherwise. */
  params: z.record(z.string(), Param).optional(),
  /** One-line descriptions of keywords, as `?` help prints them. */
  keywords: z.record(z.string(), z.string()).optional(),
  displays: z.record(z.string(), z.string()),
  /** Commit-confirmed style automatic revert; null where the platform has none. */
  commitDelay: z.strictObject({ start: z.string(), confirm: z.string(), minutes: z.number().int(), verified: z.boolean() }).nullable(),
  usbAutoConfig: z.union([UsbAutoConfig, LegacyUsbAutoConfig]),
  /** A device path (`flash:/startup.cfg`) as its SFTP server names it: {drive} = `flash`, {file} = `startup.cfg`. Absent: copy by display only. */
  files: z.strictObject({ sftpPath: z.string(), verified: z.boolean(), note: z.string().optional() }).optional(),
});
export type PlatformPack = z.infer<typeof PlatformPackSchema>;

/** The meaning of one placeholder of a command: the command's own, else the pack-wide one. */
export function paramOf(pack: PlatformPack, commandId: string, name: string): ParamSpec | undefined {
  return pack.commands[commandId]?.params?.[name] ?? pack.params?.[name];
}

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
