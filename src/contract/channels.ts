import type { z } from 'zod';
import type { ChannelName } from './names';
import { appChannels } from './channels/app';
import { bundlesChannels } from './channels/bundles';
import { commissioningChannels } from './channels/commissioning';
import { consoleChannels } from './channels/console';
import { devicesChannels } from './channels/devices';
import { drillChannels } from './channels/drill';
import { labChannels } from './channels/lab';
import { monitorChannels } from './channels/monitor';
import { oneCableChannels } from './channels/one-cable';
import { opsChannels } from './channels/ops';
import { examplesChannels, pairsChannels } from './channels/pairs';
import { reportChannels } from './channels/report';
import { settingsChannels } from './channels/settings';

export interface ChannelDef {
  input: z.ZodType;
  output: z.ZodType;
  summary: string;
}

/**
 * The whole API: channel → input and output schemas. Electron's router and the HTTP host both
 * parse every input with these before a handler runs; the preload and renderer derive their
 * typed methods from it.
 */
export const channels = {
  ...appChannels,
  ...pairsChannels,
  ...examplesChannels,
  ...labChannels,
  ...opsChannels,
  ...settingsChannels,
  ...devicesChannels,
  ...commissioningChannels,
  ...oneCableChannels,
  ...monitorChannels,
  ...drillChannels,
  ...consoleChannels,
  ...bundlesChannels,
  ...reportChannels,
} as const satisfies Record<ChannelName, ChannelDef>;

// The reverse check: every key of the table is a declared name (satisfies checks only one way).
type Extra = Exclude<keyof typeof channels, ChannelName>;
const _noExtraChannels: [Extra] extends [never] ? true : never = true;

export type Channels = typeof channels;
/** What a caller passes (defaults may be omitted). */
export type Input<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives after parsing (defaults filled). */
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type Output<C extends ChannelName> = z.output<Channels[C]['output']>;
