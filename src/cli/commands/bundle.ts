import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readBundle } from '../../core/bundle/node/container';
import { toErrorInfo } from '../../core/base/errors';
import { keyPassphrase, openKeyStore } from '../bundle/keystore';
import { describeBundle } from '../bundle/show';
import { registerBundleCreate } from '../bundle/create';
import { registerBundleApply } from '../bundle/apply';

function fail(e: unknown): void {
  const info = toErrorInfo(e);
  process.stderr.write(`hotpair: ${info.message}\n${info.fix ? `  fix: ${info.fix}\n` : ''}`);
  process.exitCode = info.code === 'BUNDLE_INVALID' ? 1 : 2;
}

function open(file: string, allowUntrusted: boolean, passEnv?: string) {
  const store = openKeyStore();
  const pass = keyPassphrase(passEnv);
  return readBundle(readFileSync(file), { isTrusted: (fp) => store.isTrusted(fp, pass), allowUntrusted });
}

export function registerBundle(program: Command): void {
  const bundle = program.command('bundle').description('offline bundles: prepare in the office, apply on site over a console cable');
  registerBundleCreate(bundle);
  registerBundleApply(bundle);

  bundle
    .command('verify <file>')
    .description('check integrity, signature and trust; exit 0 good, 1 refused')
    .option('--key-passphrase-env <NAME>', 'environment variable holding the signing-key passphrase')
    .action((file: string, o: { keyPassphraseEnv?: string }) => {
      try {
        const b = open(file, false, o.keyPassphraseEnv);
        process.stdout.write(`OK  ${file}: ${b.manifest.members.length} members intact, signed by trusted ${b.manifest.signer.fingerprint}\n`);
      } catch (e) {
        fail(e);
      }
    });

  bundle
    .command('show <file>')
    .description('print the manifest (refuses a damaged bundle; shows an untrusted signer as such)')
    .option('--json', 'print the manifest as JSON')
    .action((file: string, o: { json?: boolean }) => {
      try {
        const b = open(file, true);
        process.stdout.write(o.json ? `${JSON.stringify({ ...b.manifest, signerTrusted: b.signerTrusted }, null, 2)}\n` : `${describeBundle(file, b)}\n`);
      } catch (e) {
        fail(e);
      }
    });

  const key = bundle.command('key').description('the signing key and the keys trusted to sign bundles');
  key
    .command('export')
    .description('print this machine\'s public signing key (created on first use)')
    .option('--key-passphrase-env <NAME>', 'environment variable holding the signing-key passphrase')
    .action((o: { keyPassphraseEnv?: string }) => {
      try {
        process.stdout.write(openKeyStore().exportPublic(keyPassphrase(o.keyPassphraseEnv)));
      } catch (e) {
        fail(e);
      }
    });
  key
    .command('trust <file>')
    .description('trust a public key exported by `hotpair bundle key export` (check its fingerprint with its owner first)')
    .action((file: string) => {
      try {
        const fp = openKeyStore().trust(readFileSync(file === '-' ? 0 : file, 'utf8'));
        process.stdout.write(`trusted ${fp}\n`);
      } catch (e) {
        fail(e);
      }
    });
  key
    .command('untrust <fingerprint>')
    .action((fp: string) => {
      const removed = openKeyStore().untrust(fp);
      process.stdout.write(removed ? `no longer trusted: ${fp}\n` : `not in the trust list: ${fp}\n`);
      if (!removed) process.exitCode = 1;
    });
  key
    .command('list')
    .action(() => {
      const store = openKeyStore();
      const own = store.hasSigningKey() ? store.ownFingerprint(keyPassphrase()) : undefined;
      process.stdout.write(`${own ? `own      ${own}\n` : ''}${store.trusted().map((f) => `trusted  ${f}`).join('\n')}\n`);
    });
}
