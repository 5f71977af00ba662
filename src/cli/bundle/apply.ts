/**
 * `hotpair bundle apply site.hpb --a URL --b URL`: the same workflow as `hotpair pair`, from a
 * verified bundle. The pair inside is re-rendered with the pack inside and must give exactly the
 * bundle's a.cfg/b.cfg — otherwise this HotPair would push something other than what was signed.
 */
import type { Command } from 'commander';
import { addConnectOptions } from '../credentials';
import { EXIT, type PairFlags } from '../commands/pair';

interface ApplyFlags extends PairFlags {
  bundlePassphraseEnv?: string;
  keyPassphraseEnv?: string;
}

export function registerBundleApply(bundle: Command): void {
  const cmd = bundle
    .command('apply <file>')
    .description('commission the pair of a verified bundle (same workflow as `hotpair pair`)')
    .option('--a <url>', "device A's connect URL (e.g. serial:///dev/ttyUSB0; default: the bundle's pair file)")
    .option('--b <url>', "device B's connect URL")
    .option('--dry-run', 'stop after printing the plan')
    .option('--yes', 'push without asking (required without a terminal)')
    .option('--no-rollback', 'on failure keep what was applied')
    .option('--verify-timeout <SECONDS>', 'verification limit')
    .option('--bundle-passphrase-env <NAME>', 'environment variable holding the passphrase of the bundle secrets')
    .option('--key-passphrase-env <NAME>', 'environment variable holding the signing-key passphrase (trust store)');
  addConnectOptions(cmd).action(async (file: string, flags: ApplyFlags) => {
    process.exitCode = await runBundleApply(file, flags);
  });
}

async function passwordsFrom(sealedText: string, flags: ApplyFlags): Promise<Partial<Record<'a' | 'b', string>>> {
  const { unseal } = await import('../../core/bundle/node/crypto');
  let pass: string | undefined;
  if (flags.bundlePassphraseEnv) {
    pass = process.env[flags.bundlePassphraseEnv];
    if (!pass) throw new Error(`--bundle-passphrase-env: environment variable ${flags.bundlePassphraseEnv} is not set`);
  } else {
    const { terminalPromptIo } = await import('../credentials');
    const io = terminalPromptIo();
    if (!io.isTTY) throw new Error('the bundle carries encrypted passwords: pass --bundle-passphrase-env NAME (not on a terminal to ask)');
    pass = await io.secret('bundle passphrase: ');
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
    process.stderr.write(`hotpair: ${message}\n`);
    return code;
  };
  let b;
  try {
    const store = openKeyStore();
    const pass = keyPassphrase(flags.keyPassphraseEnv);
    b = readBundle(readFileSync(file), { isTrusted: (fp) => store.isTrusted(fp, pass) });
  } catch (e) {
    const info = toErrorInfo(e);
    return fail(`${info.message}${info.fix ? `\n  fix: ${info.fix}` : ''}`, info.code === 'BUNDLE_INVALID' ? EXIT.failed : EXIT.usage);
  }
  const packR = parsePack(b.members['pack.json']?.toString('utf8') ?? '');
  if (!packR.ok) return fail(`the bundle's platform pack is unreadable: ${packR.issues.join('; ')}`);
  const loaded = loadPairText(b.members['pair.json']?.toString('utf8') ?? '', `${file}:pair.json`);
  if (!loaded.ok) return fail(`the bundle's pair.json does not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
  const pair = loaded.pair;
  let rendered;
  try {
    rendered = renderPairText(pair, packR.pack);
  } catch (e) {
    return fail(`the bundle's pair cannot be rendered: ${(e as Error).message}`);
  }
  for (const k of ['a', 'b'] as const) {
    const inBundle = b.members[`${k}.cfg`]?.toString('utf8') ?? '';
    if (`${rendered[k].join('\n')}\n` !== inBundle) {
      return fail(`refused: ${k}.cfg in the bundle differs from what its pair.json renders to with its pack (created by another HotPair version, or altered before signing); recreate the bundle with this version`);
    }
  }
  let passwords: Partial<Record<'a' | 'b', string>> = {};
  try {
    if (b.members['secrets.enc']) passwords = await passwordsFrom(b.members['secrets.enc'].toString('utf8'), flags);
  } catch (e) {
    return fail((e as Error).message, EXIT.usage);
  }
  process.stdout.write(`Bundle ${file}: pair ${pair.name}, signed by ${b.manifest.signer.fingerprint}, scripts match their pair file.\n`);
  const { runPairCli } = await import('../commands/pair');
  return runPairCli({ pair, pack: packR.pack, flags: { ...flags, passwords }, pairFile: `${file}:pair.json` });
}
