import { z } from 'zod';
import { Empty } from '../common';

export const AppInfoSchema = z.strictObject({
  name: z.literal('HotPair'),
  version: z.string(),
  /** Where the host runs: inside Electron's main process or under Node for browser mode. */
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** Which channels this host implements now; the UI shows the rest as "not available yet". */
  available: z.array(z.string()),
  labAvailable: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appChannels = {
  'app.info': { input: Empty, output: AppInfoSchema, summary: 'Version, runtime and which channels are implemented' },
} as const;
