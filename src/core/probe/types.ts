/**
 * The probe's vocabulary: what the device's `?` help said about one line, and the verdict drawn
 * from it. The device decides; the probe only reads what it printed.
 */
import type { DeviceKey } from '../model/pair';
import type { Message } from '../base/message';

/** One entry of a help list: a keyword (`interval`), an argument hint (`INTEGER<1-10>`) or `<cr>`. */
export interface HelpEntry {
  word: string;
  description?: string;
}

/**
 * A parsed help reply. `list`: what may follow the typed text (`cr` when the line is complete
 * as typed). `error`: the device refused the typed text; `column` is the caret's column inside
 * the typed text (0-based), when a caret was printed.
 */
export type HelpReply =
  | { kind: 'list'; entries: HelpEntry[]; cr: boolean }
  | { kind: 'error'; error: string; message: string; column?: number };

export type LineStatus = 'confirmed' | 'unknown' | 'incomplete';

/** The verdict on one line, as `hotpair probe --json` prints it. */
export interface LineVerdict {
  line: string;
  /** `system`, or the line that enters the view (`interface GigabitEthernet1/0/1`, `remote-backup group`). */
  view: string;
  status: LineStatus;
  /** 1-based word of the line the device stopped at (absent when confirmed). */
  position?: number;
  /** The word at `position` as typed (absent past the end of the line). */
  keyword?: string;
  /** What the device offers at `position`: keywords and argument hints, `<cr>` included. */
  offered?: string[];
  /** The device's own words (`% Unrecognized command found at '^' position.`) or why nothing was asked. */
  message?: string;
  /** `message` as a message of the `core` catalogue (probe.not-asked.*, probe.view.*) when the probe, not the device, wrote it. */
  messageSaid?: Message;
  /** A typed value measured against the device's argument hint, e.g. `99 is outside INTEGER<1-10>`. */
  reason?: string;
  /** `reason` as a message of the `core` catalogue (probe.reason.*). */
  reasonSaid?: Message;
}

export interface DeviceProbe {
  device: DeviceKey;
  lines: LineVerdict[];
  /** Views the probe created to reach their lines, and removed again. */
  createdViews: string[];
  /** Help requests sent (one per line, plus one more per line the device refused). */
  requests: number;
  /** Bytes written and read by the help requests and their erasing (the bench sets them against the line time). */
  bytes: number;
  elapsedMs: number;
}

export type ProbeResult = Record<DeviceKey, DeviceProbe>;

export const isConfirmed = (p: DeviceProbe): boolean => p.lines.every((l) => l.status === 'confirmed');

export const unconfirmed = (r: Partial<ProbeResult>): { device: DeviceKey; verdict: LineVerdict }[] =>
  (['a', 'b'] as const).flatMap((device) => (r[device]?.lines ?? []).filter((l) => l.status !== 'confirmed').map((verdict) => ({ device, verdict })));
