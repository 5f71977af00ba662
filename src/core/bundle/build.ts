import { PRODUCT_NAME, PRODUCT_VERSION } from '../base/product';
import type { Pair } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';
import { renderPair, renderUndo, scriptText } from '../render/index';
import { expectedState } from '../provision/expected';

export const TOOL = { name: PRODUCT_NAME, version: PRODUCT_VERSION } as const;

const text = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const json = (v: unknown) => new TextEncoder().encode(`${JSON.stringify(v, null, 2)}\n`);

// Every bundle of a batch carries the same pack: serialise it once per pack object.
const packBytes = new WeakMap<PlatformPack, Uint8Array>();
function packJson(pack: PlatformPack): Uint8Array {
  let b = packBytes.get(pack);
  if (!b) packBytes.set(pack, (b = json(pack)));
  return b;
}

/**
 * The members of a pair's bundle: the normalised pair file, the pack it was rendered with, each
 * device's script and undo script, and the verification the apply step must reach. Deterministic
 * for the same pair and pack (the signature and time are added by the container).
 */
export function bundleMembers(pair: Pair, pack: PlatformPack, sealedSecrets?: unknown): Record<string, Uint8Array> {
  const scripts = renderPair(pair, pack);
  const undo = renderUndo(pair, pack, scripts);
  const members: Record<string, Uint8Array> = {
    'pair.json': json(pair),
    'pack.json': packJson(pack),
    'a.cfg': text(scriptText(scripts.a)),
    'b.cfg': text(scriptText(scripts.b)),
    'a.undo.cfg': text(scriptText(undo.a)),
    'b.undo.cfg': text(scriptText(undo.b)),
    'verify.json': json(expectedState(pair)),
  };
  if (sealedSecrets !== undefined) members['secrets.enc'] = json(sealedSecrets);
  return members;
}

export function bundleIdentity(pair: Pair, pack: PlatformPack) {
  return {
    pair: { name: pair.name, mode: pair.mode, sysnames: { a: pair.devices.a.sysname, b: pair.devices.b.sysname } },
    platform: { id: pack.id, version: pack.version },
    tool: { ...TOOL },
  };
}
