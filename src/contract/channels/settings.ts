import { z } from 'zod';
import { DEFAULT_SYSLOG_PORT } from '../../core/base/product';
import { Empty } from '../common';

const Endpoint = z.strictObject({ address: z.string().min(1), port: z.number().int().min(1).max(65535) });

export const SettingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']),
  syslog: Endpoint,
  metrics: Endpoint,
  monitorIntervalSeconds: z.number().int().min(1).max(3600),
  /** The app's language: 'system' follows Electron's locale (the browser's in browser mode). One value per catalogue in resources/locales. */
  language: z.enum(['system', 'en', 'zh-CN']),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  syslog: { address: '127.0.0.1', port: DEFAULT_SYSLOG_PORT },
  metrics: { address: '127.0.0.1', port: 9464 },
  monitorIntervalSeconds: 5,
  language: 'system',
};

export const SettingsPatchSchema = z.strictObject({
  theme: SettingsSchema.shape.theme.optional(),
  syslog: Endpoint.optional(),
  metrics: Endpoint.optional(),
  monitorIntervalSeconds: SettingsSchema.shape.monitorIntervalSeconds.optional(),
  language: SettingsSchema.shape.language.optional(),
});

export const KnownHostSchema = z.strictObject({
  host: z.string(),
  port: z.number().int(),
  /** ssh-ed25519, ssh-rsa, … */
  type: z.string(),
  /** SHA256:… exactly as `ssh-keygen -l` prints it. */
  fingerprint: z.string(),
});
export type KnownHost = z.infer<typeof KnownHostSchema>;

/** A saved login: the password itself never leaves the host (keychain / sealed file). */
export const CredentialInfoSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  username: z.string(),
  /** The device it is for (a connect URL), to preselect it on Console and Bundles. */
  url: z.string().optional(),
});
export type CredentialInfo = z.infer<typeof CredentialInfoSchema>;

export const CredentialsStateSchema = z.strictObject({
  /**
   * keychain: Electron safeStorage (the OS keychain). passphrase: browser mode, sealed with the
   * user's passphrase (scrypt + AES-GCM). off: browser mode, nothing kept until the user opts in.
   */
  store: z.enum(['keychain', 'passphrase', 'off']),
  /** passphrase store exists but is not unlocked in this run. */
  locked: z.boolean(),
  credentials: z.array(CredentialInfoSchema),
});
export type CredentialsState = z.infer<typeof CredentialsStateSchema>;

const Passphrase = z.string().min(8, { message: 'at least 8 characters' }).max(256);

export const settingsChannels = {
  'settings.get': { input: Empty, output: SettingsSchema, summary: 'Current settings' },
  'settings.set': { input: SettingsPatchSchema, output: SettingsSchema, summary: 'Change some settings; returns them all' },
  'settings.knownHosts': {
    input: Empty,
    output: z.strictObject({ file: z.string(), hosts: z.array(KnownHostSchema) }),
    summary: 'SSH host keys trusted so far',
  },
  'settings.forgetHost': {
    input: z.strictObject({ host: z.string().min(1).max(255), port: z.number().int().min(1).max(65535) }),
    output: z.strictObject({ removed: z.boolean() }),
    summary: 'Remove a host key (the next connection asks again)',
  },
  'settings.credentials': { input: Empty, output: CredentialsStateSchema, summary: 'Saved logins (names only) and where they are kept' },
  'settings.saveCredential': {
    input: z.strictObject({
      label: z.string().min(1).max(100),
      username: z.string().min(1).max(64),
      password: z.string().min(1).max(256),
      url: z.string().max(500).optional(),
    }),
    output: CredentialsStateSchema,
    summary: 'Keep a login in the keychain (browser mode: in the passphrase-sealed file, once unlocked)',
  },
  'settings.deleteCredential': { input: z.strictObject({ id: z.string().min(1).max(64) }), output: CredentialsStateSchema, summary: 'Forget a saved login' },
  'settings.unlockCredentials': {
    input: z.strictObject({ passphrase: Passphrase }),
    output: CredentialsStateSchema,
    summary: 'Browser mode: opt in to keeping logins (first time) or unlock them for this run',
  },
} as const;
