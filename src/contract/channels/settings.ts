import { z } from 'zod';
import { Empty } from '../common';

const Endpoint = z.strictObject({ address: z.string().min(1), port: z.number().int().min(1).max(65535) });

export const SettingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']),
  syslog: Endpoint,
  metrics: Endpoint,
  monitorIntervalSeconds: z.number().int().min(1).max(3600),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  syslog: { address: '127.0.0.1', port: 5514 },
  metrics: { address: '127.0.0.1', port: 9464 },
  monitorIntervalSeconds: 5,
};

export const SettingsPatchSchema = z.strictObject({
  theme: SettingsSchema.shape.theme.optional(),
  syslog: Endpoint.optional(),
  metrics: Endpoint.optional(),
  monitorIntervalSeconds: SettingsSchema.shape.monitorIntervalSeconds.optional(),
});

export const settingsChannels = {
  'settings.get': { input: Empty, output: SettingsSchema, summary: 'Current settings' },
  'settings.set': { input: SettingsPatchSchema, output: SettingsSchema, summary: 'Change some settings; returns them all' },
} as const;
