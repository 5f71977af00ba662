import type { OpenedBundle } from '../../core/bundle/node/container';
import { t } from '../i18n';

/** The manifest for a reader, in the run's language; names, digests and versions as they are. */

export function describeBundle(file: string, b: OpenedBundle): string {
  const m = b.manifest;
  const lines = [
    t('bundle.show.bundle', { file }),
    t('bundle.show.pair', { name: m.pair.name, mode: m.pair.mode, a: m.pair.sysnames.a, b: m.pair.sysnames.b }),
    t('bundle.show.platform', { id: m.platform.id, version: m.platform.version }),
    t('bundle.show.created', { at: m.createdAt, tool: m.tool.name, version: m.tool.version }),
    t('bundle.show.signer', { fingerprint: m.signer.fingerprint, trusted: b.signerTrusted ? 'yes' : 'no' }),
    t('bundle.show.secrets', { included: m.secrets ? 'yes' : 'no' }),
    t('bundle.show.members'),
    ...m.members.map((x) => t('bundle.show.member', { path: x.path.padEnd(12), size: String(x.size).padStart(7), digest: x.sha256.slice(0, 16) })),
  ];
  return lines.join('\n');
}
