import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readBundle } from '../../core/bundle/node/container';
import { toErrorInfo } from '../../core/base/errors';
import { keyPassphrase, openKeyStore } from '../bundle/keystore';
import { describeBundle } from '../bundle/show';
import { registerBundleCreate } from '../bundle/create';
import { registerBundleApply } from '../bundle/apply';
import { t } from '../i18n';
import { errorLines } from '../error-text';

function fail(e: unknown): void {
  const info = toErrorInfo(e);
  process.stderr.write(errorLines(info));
  process.exitCode = info.code === 'BUNDLE_INVALID' ? 1 : 2;
}

function open(file: string, allowUntrusted: boolean, passEnv?: string) {
  const store = openKeyStore();
  const pass = keyPassphrase(passEnv);
  return readBundle(readFileSync(file), { isTrusted: (fp) => store.isTrusted(fp, pass), allowUntrusted });
}

export function registerBundle(program: Command): void {
  const bundle = program.command('bundle').description(t('bundle.desc'));
  registerBundleCreate(bundle);
  registerBundleApply(bundle);

  bundle
    .command('verify <file>')
    .description(t('bundle.verify.desc'))
    .option('--key-passphrase-env <NAME>', t('bundle.keyPassphraseEnv'))
    .action((file: string, o: { keyPassphraseEnv?: string }) => {
      try {
        const b = open(file, false, o.keyPassphraseEnv);
        process.stdout.write(`${t('bundle.verify.ok', { file, members: b.manifest.members.length, fingerprint: b.manifest.signer.fingerprint })}\n`);
      } catch (e) {
        fail(e);
      }
    });

  bundle
    .command('show <file>')
    .description(t('bundle.show.desc'))
    .option('--json', t('bundle.show.json'))
    .action((file: string, o: { json?: boolean }) => {
      try {
        const b = open(file, true);
        process.stdout.write(o.json ? `${JSON.stringify({ ...b.manifest, signerTrusted: b.signerTrusted }, null, 2)}\n` : `${describeBundle(file, b)}\n`);
      } catch (e) {
        fail(e);
      }
    });

  const key = bundle.command('key').description(t('bundle.key.desc'));
  key
    .command('export')
    .description(t('bundle.key.export'))
    .option('--key-passphrase-env <NAME>', t('bundle.keyPassphraseEnv'))
    .action((o: { keyPassphraseEnv?: string }) => {
      try {
        process.stdout.write(openKeyStore().exportPublic(keyPassphrase(o.keyPassphraseEnv)));
      } catch (e) {
        fail(e);
      }
    });
  key
    .command('trust <file>')
    .description(t('bundle.key.trust'))
    .action((file: string) => {
      try {
        const fp = openKeyStore().trust(readFileSync(file === '-' ? 0 : file, 'utf8'));
        process.stdout.write(`${t('bundle.key.trusted', { fingerprint: fp })}\n`);
      } catch (e) {
        fail(e);
      }
    });
  key
    .command('untrust <fingerprint>')
    .description(t('bundle.key.untrust'))
    .action((fp: string) => {
      const removed = openKeyStore().untrust(fp);
      process.stdout.write(`${t(removed ? 'bundle.key.untrusted' : 'bundle.key.notTrusted', { fingerprint: fp })}\n`);
      if (!removed) process.exitCode = 1;
    });
  key
    .command('list')
    .description(t('bundle.key.list'))
    .action(() => {
      const store = openKeyStore();
      const own = store.hasSigningKey() ? store.ownFingerprint(keyPassphrase()) : undefined;
      process.stdout.write(`${own ? `${t('bundle.key.own', { fingerprint: own })}\n` : ''}${store.trusted().map((f) => t('bundle.key.trustedRow', { fingerprint: f })).join('\n')}\n`);
    });
}
