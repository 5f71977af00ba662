import type { ChannelName } from '../../contract/index';

/**
 * Why a declared channel has no handler yet. The host answers UNSUPPORTED with this text rather
 * than inventing data, so the UI can say exactly what is missing.
 */
const REASONS: Record<string, string> = {
  monitor: 'the RBM monitor is not in this build yet',
  console: 'device consoles need the transports, which are not in this build yet',
  bundles: 'creating, importing and applying bundles from the app is not in this build yet (verify and show are)',
  lab: 'this host was started without the lab pair',
};

export function unsupportedMessage(channel: ChannelName): string {
  const reason = REASONS[channel] ?? REASONS[channel.split('.')[0]!] ?? 'it is not implemented yet';
  return `${channel} is not available yet: ${reason}.`;
}
