import type { DeviceKey, Pair } from '../../core/model/pair';
import type { PlatformPack } from '../../core/platforms/pack';
import { renderDevice } from '../../core/render/render';
import type { PlanLine, PushStage } from '../../contract/index';

/**
 * The workflow's plan view carries the lines to add as text; the wizard shows each with its push
 * stage. The plan's additions are the device's rendered script minus what is already running, in
 * script order, so each is matched to the next rendered line with the same text.
 */
export function stagedLines(pair: Pair, pack: PlatformPack, k: DeviceKey, add: readonly string[]): PlanLine[] {
  const rendered = renderDevice(pair, pack, k).lines;
  let from = 0;
  return add.map((text) => {
    let i = rendered.findIndex((l, n) => n >= from && l.text === text);
    if (i < 0) i = rendered.findIndex((l) => l.text === text);
    if (i >= 0) from = i + 1;
    const stage: PushStage = i >= 0 ? rendered[i]!.stage : 'local';
    return { text, stage };
  });
}
