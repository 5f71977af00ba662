import type { ChannelName } from '../../contract/index';

/**
 * Why a declared channel has no handler in this host. Every channel is implemented, but two
 * groups depend on how the host was started: the lab channels need the lab pair, the bundle
 * channels a key store. The host answers UNSUPPORTED with this text rather than inventing data,
 * so the UI can say exactly what is missing.
 */
const REASONS: Record<string, string> = {
  bundles: 'this host was started without a key store for signing bundles',
  lab: 'this host was started without the lab pair',
  report: 'this host was started without a key store for signing reports',
};

export function unsupportedMessage(channel: ChannelName): string {
  const reason = REASONS[channel] ?? REASONS[channel.split('.')[0]!] ?? 'it is not implemented yet';
  return `${channel} is not available yet: ${reason}.`;
}
