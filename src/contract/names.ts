/**
 * Channel and event names without their schemas. The sandboxed preload and the renderer's API
 * service need only the names; keeping them zod-free keeps the preload bundle tiny. The table in
 * ./channels.ts is checked against this list at compile time, so the two cannot drift.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'pairs.validate',
  'pairs.render',
  'pairs.schema',
  'pairs.open',
  'pairs.inventory',
  'examples.list',
  'examples.get',
  'lab.start',
  'lab.stop',
  'lab.status',
  'ops.cancel',
  'settings.get',
  'settings.set',
  'settings.knownHosts',
  'settings.forgetHost',
  'settings.credentials',
  'settings.saveCredential',
  'settings.deleteCredential',
  'settings.unlockCredentials',
  'devices.listPorts',
  'devices.connect',
  'devices.disconnect',
  'devices.discover',
  'pair.check',
  'pair.plan',
  'pair.probe',
  'pair.apply',
  'pair.runs',
  'oneCable.run',
  'oneCable.answer',
  'monitor.start',
  'monitor.stop',
  'monitor.snapshot',
  'monitor.history',
  'monitor.op',
  'drill.plan',
  'drill.run',
  'console.open',
  'console.write',
  'console.resize',
  'console.transcript',
  'console.close',
  'bundles.create',
  'bundles.keys',
  'bundles.import',
  'bundles.verify',
  'bundles.show',
  'bundles.apply',
  'report.create',
  'report.verify',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['op.progress', 'lab.status', 'console.output', 'monitor.events', 'devices.output', 'pair.progress', 'oneCable.progress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The Electron IPC channel for a contract channel: one prefix so the router owns exactly these. */
export const ipcChannel = (name: ChannelName): string => `hotpair:${name}`;
export const IPC_EVENT = 'hotpair:event';

export function isChannelName(s: string): s is ChannelName {
  return (CHANNEL_NAMES as readonly string[]).includes(s);
}
