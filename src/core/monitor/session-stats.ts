/**
 * `display session statistics` → the session counters PairHealth shows (how much state the
 * standby would inherit). Only the lines the monitor needs; unknown lines are ignored, and an
 * output without "Current sessions" gives undefined rather than zeros.
 */
import type { SessionCounters } from './types';

const num = (text: string, re: RegExp): number | undefined => {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
};

export function parseSessionStatistics(text: string): SessionCounters | undefined {
  // Several slots print one block each; the counters add up.
  const blocks = text.split(/^\s*Slot \d+:?\s*$/m).filter((b) => /Current sessions/i.test(b));
  if (blocks.length === 0) return undefined;
  const sum = (re: RegExp): number | undefined => {
    const vals = blocks.map((b) => num(b, re)).filter((v): v is number => v !== undefined);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : undefined;
  };
  const total = sum(/^\s*Current sessions\s*:\s*(\d+)/im);
  if (total === undefined) return undefined;
  const out: SessionCounters = { total };
  const created = sum(/^\s*Sessions created locally\s*:\s*(\d+)/im);
  const received = sum(/^\s*Sessions received from peer\s*:\s*(\d+)/im);
  const sent = sum(/^\s*Sessions sent to peer\s*:\s*(\d+)/im);
  if (created !== undefined) out.createdLocally = created;
  if (received !== undefined) out.receivedFromPeer = received;
  if (sent !== undefined) out.sentToPeer = sent;
  return out;
}
