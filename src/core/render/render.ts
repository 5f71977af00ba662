import { DEVICE_KEYS, type DeviceKey, type Pair } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';
import { emit } from './emit';
import { deviceBlocks } from './sections';
import type { RenderedLine, RenderedPair, RenderedScript, Stage } from './types';

/**
 * Pair → both devices' command scripts. Pure and deterministic: the same pair and pack give the
 * same bytes (order follows the pair file's lists; fixed orders elsewhere). Every command comes
 * from a pack template, so a corrected pack (`--pack FILE`) changes the output without a rebuild.
 * Throws an AppError (VALIDATION) for what the pack cannot express, e.g. a line over lineMax.
 */
export function renderDevice(pair: Pair, pack: PlatformPack, k: DeviceKey): RenderedScript {
  return { lines: emit(pack, deviceBlocks(pair, k)) };
}

export function renderPair(pair: Pair, pack: PlatformPack): RenderedPair {
  const [a, b] = DEVICE_KEYS.map((k) => renderDevice(pair, pack, k)) as [RenderedScript, RenderedScript];
  return { a, b };
}

/** The script as the plain lines typed on the device. */
export function scriptText(script: RenderedScript | readonly RenderedLine[]): string[] {
  const lines = 'lines' in script ? script.lines : script;
  return lines.map((l) => l.text);
}

/** Both devices' scripts as plain lines. */
export function renderPairText(pair: Pair, pack: PlatformPack): { a: string[]; b: string[] } {
  const r = renderPair(pair, pack);
  return { a: scriptText(r.a), b: scriptText(r.b) };
}

/**
 * The lines of one stage, view navigation included and the frame left out; every visit to a
 * sub-view lies inside one stage, so the result is self-contained (wrap it with `framed`).
 */
export function stageLines(script: RenderedScript | readonly RenderedLine[], stage: Stage): RenderedLine[] {
  const lines = 'lines' in script ? script.lines : script;
  return lines.filter((l) => l.kind !== 'frame' && l.stage === stage);
}
