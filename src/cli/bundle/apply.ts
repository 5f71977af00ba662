/**
 * `hotpair bundle apply site.hpb --a URL --b URL`: the same workflow as `hotpair pair`, from a
 * verified bundle. The pair inside is re-rendered with the pack inside and must give exactly the
 * bundle's a.cfg/b.cfg — otherwise this HotPair would push something other than what was signed.
 */
import type { Command } from 'commander';
import { addConnectOptions } from '../credentials';
import { EXIT, type PairFlags } from '../commands/pair';
import { t } from '../i18n';
import { cliErrorText } from '../../i18n/node/cli-core';

interface ApplyFlags extends PairFlags {
  bundlePassphraseEnv?: string;
  keyPassphraseEnv?: string;
}

export function registerBundleApply(bundle: Command): void {
  const cmd = bundle
    .command('apply <file>')
    .description(t('bundle.apply.desc'))
    .option('--dry-run', t('pair.opt.dryRun'))
    .option('--yes', t('pair.opt.yes'))
    .option('--no-rollback', t('bundle.apply.noRollback'))
    .option('--verify-timeout <SECONDS>', t('bundle.apply.verifyTimeout'))
    .option('--bundle-passphrase-env <NAME>', t('bundle.bundlePassphraseEnv'))
    .option('--key-passphrase-env <NAME>', t('bundle.apply.keyPassphraseEnv'));
  addConnectOptions(cmd, 'bundle').action(async (file: string, flags: ApplyFlags) => {
    process.exitCode = await runBundleApply(file, flags);
  });
}

async function passwordsFrom(sealedText: string, flags: ApplyFlags): Promise<Partial<Record<'a' | 'b', string>>> {
  const { unseal } = await import('../../core/bundle/node/crypto');
  let pass: string | undefined;
  if (flags.bundlePassphraseEnv) {
    pass = process.env[flags.bundlePassphraseEnv];
    if (!pass) throw new Error(t('bundle.passphraseEnvUnset', { name: flags.bundlePassphraseEnv }));
  } else {
    const { terminalPromptIo } = await import('../credentials');
    const io = terminalPromptIo();
    if (!io.isTTY) throw new Error(t('bundle.applyNeedsPassphrase'));
    pass = await io.secret(t('bundle.passphrase'));
  }
  const plain = JSON.parse(unseal(JSON.parse(sealedText), pass)) as Record<string, { password?: string }>;
  const out: Partial<Record<'a' | 'b', string>> = {};
  for (const k of ['a', 'b'] as const) if (typeof plain[k]?.password === 'string') out[k] = plain[k].password;
  return out;
}

export async function runBundleApply(file: string, flags: ApplyFlags): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const { readBundle } = await import('../../core/bundle/node/container');
  const { keyPassphrase, openKeyStore } = await import('./keystore');
  const { loadPairText } = await import('../../core/model/load');
  const { parsePack } = await import('../../core/platforms/pack');
  const { renderPairText } = await import('../../core/render/index');
  const { toErrorInfo } = await import('../../core/base/errors');
  const fail = (message: string, code: number = EXIT.failed) => {
    process.stderr.write(`${t('error', { message })}\n`);
    return code;
  };
  let b;
  try {
    const store = openKeyStore();
    const pass = keyPassphrase(flags.keyPassphraseEnv);
    b = readBundle(readFileSync(file), { isTrusted: (fp) => store.isTrusted(fp, pass) });
  } catch (e) {
    const info = toErrorInfo(e);
    const said = cliErrorText(info);
    return fail(`${said.message}${said.fix ? `\n  ${t('fix', { fix: said.fix })}` : ''}`, info.code === 'BUNDLE_INVALID' ? EXIT.failed : EXIT.usage);
  }
  const packR = parsePack(b.members['pack.json']?.toString('utf8') ?? '');
  if (!packR.ok) return fail(t('bundle.packUnreadable', { issues: packR.issues.join('; ') }));
  const loaded = loadPairText(b.members['pair.json']?.toString('utf8') ?? '', `${file}:pair.json`);
  if (!loaded.ok) return fail(t('bundle.pairUnloadable', { errors: loaded.errors.map((e) => e.message).join('; ') }));
  const pair = loaded.pair;
  let rendered;
  try {
    rendered = renderPairText(pair, packR.pack);
  } catch (e) {
    return fail(t('bundle.pairUnrenderable', { message: (e as Error).message }));
  }
  for (const k of ['a', 'b'] as const) {
    const inBundle = b.members[`${k}.cfg`]?.toString('utf8') ?? '';
    if (`${rendered[k].join('\n')}\n` !== inBundle) {
      return fail(t('bundle.scriptDiffers', { member: `${k}.cfg` }));
    }
  }
  let passwords: Partial<Record<'a' | 'b', string>> = {};
  try {
    if (b.members['secrets.enc']) passwords = await passwordsFrom(b.members['secrets.enc'].toString('utf8'), flags);
  } catch (e) {
    return fail((e as Error).message, EXIT.usage);
  }
  process.stdout.write(`${t('bundle.applying', { file, name: pair.name, fingerprint: b.manifest.signer.fingerprint })}\n`);
  const { runPairCli } = await import('../commands/pair');
  return runPairCli({ pair, pack: packR.pack, flags: { ...flags, passwords }, pairFile: `${file}:pair.json` });
}
