import type { OpenedBundle } from '../../core/bundle/node/container';

export function describeBundle(file: string, b: OpenedBundle): string {
  const m = b.manifest;
  const lines = [
    `bundle    ${file}`,
    `pair      ${m.pair.name} (${m.pair.mode}) — A ${m.pair.sysnames.a}, B ${m.pair.sysnames.b}`,
    `platform  ${m.platform.id} pack ${m.platform.version}`,
    `created   ${m.createdAt} by ${m.tool.name} ${m.tool.version}`,
    `signer    ${m.signer.fingerprint} ${b.signerTrusted ? '(trusted)' : '(NOT trusted)'}`,
    `secrets   ${m.secrets ? 'device passwords included, passphrase-encrypted' : 'none (passwords asked on apply)'}`,
    'members',
    ...m.members.map((x) => `  ${x.path.padEnd(12)} ${String(x.size).padStart(7)} B  sha256 ${x.sha256.slice(0, 16)}…`),
  ];
  return lines.join('\n');
}
