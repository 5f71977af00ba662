import { cleanLines, durationSeconds, kvPairs, quote, type Parsed } from './text';

export interface VersionInfo {
  vendor?: string; // "H3C", "HPE"
  model?: string; // "SecPath vFW1000"
  softwareVersion?: string; // "7.1.064"
  release?: string; // "ESS 1171P23", "Release 2432P05"
  uptime?: string; // as printed
  uptimeSeconds?: number;
  lastRebootReason?: string;
  bootImage?: string;
  systemImage?: string;
}

// "H3C Comware Software, Version 7.1.064, ESS 1171P23" (also HPE/HP builds and "Comware Platform
// Software"). Comware 5 prints the vendor on a title line of its own and then
// "Comware Software, Version 5.20, Release 1809P03" (or "Feature 6709L25") with no vendor word.
const VERSION_LINE = /^\s*(?:(\S+)\s+)?Comware (?:Platform )?Software,?\s+Version\s+([^,\s]+),?\s*(.*)$/i;
const TITLE_LINE = /^\s*(\S+)\s+Comware Platform Software\s*$/i;
// "H3C SecPath vFW1000 uptime is 1 week, ..." — the model is what sits between vendor and "uptime is".
const MODEL_LINE = /^\s*(H3C|HPE|HP|New H3C)\s+(.+?)\s+uptime is\s+(.+)$/i;

// Lines of the hardware/boot sections that carry nothing discovery needs but are expected.
const KNOWN_NOISE = [
  /^\s*Copyright\b/i,
  /^\s*Compiled\b/i,
  /^\s*(?:Slot|Chassis|Subslot|Cpu)\s+\d+(?:\s+CPU\s+\d+)?:?\s*$/i,
  /^\s*Uptime is\b/i,
  // "S6520-48S-EI with 1 Processor", "H3C SecPath F1000-E MPU(M) with 1 C2538 Processor(s)".
  /\bwith \d+ .{0,60}?Processors?(?:\(s\))?\s*$/i,
  // Comware 5 hardware summary: "2048M   bytes SDRAM", "Hardware Version is Ver.B", board uptimes.
  /^\s*\d+[KMG]?\s+bytes\b/i,
  /^\s*[\w .()/-]{0,60}?\bVersion is\b/i,
  /^\s*[\w .()/-]{0,60}?\buptime is\b/i,
  /^\s*Config Register points to\b/i,
  /^\s*\[SubSlot \d+\]/i,
  /^\s*[\w-]+:\/\S+/, // image lists: "flash:/x.bin, version: ..."
  /^\s*None\s*$/i,
];

/** Parse `display version`. */
export function parseVersion(text: string): Parsed<VersionInfo> {
  const value: VersionInfo = {};
  const warnings: string[] = [];
  const lines = cleanLines(text);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const title = TITLE_LINE.exec(line);
    if (title) {
      value.vendor ??= title[1];
      continue;
    }
    const v = VERSION_LINE.exec(line);
    if (v) {
      // The first version line is the running software; image lines repeat it per file.
      if (v[1] !== undefined) value.vendor ??= v[1];
      value.softwareVersion ??= v[2];
      const release = v[3]?.trim();
      if (release && value.release === undefined) value.release = release;
      continue;
    }
    const m = MODEL_LINE.exec(line);
    if (m) {
      if (value.model === undefined) {
        value.vendor ??= m[1];
        value.model = m[2];
        value.uptime = m[3]?.trim();
        const seconds = durationSeconds(value.uptime);
        if (seconds !== undefined) value.uptimeSeconds = seconds;
      }
      continue;
    }
    const pairs = kvPairs(line);
    if (pairs.length > 0) {
      for (const [key, val] of pairs) {
        if (key === 'last reboot reason') value.lastRebootReason ??= val;
        else if (key === 'boot image') value.bootImage ??= val;
        else if (key === 'system image') value.systemImage ??= val;
      }
      continue;
    }
    if (KNOWN_NOISE.some((re) => re.test(line))) continue;
    warnings.push(`display version: unrecognised line ${quote(line)}`);
  }
  if (lines.every((l) => l.trim() === '')) warnings.push('display version: empty output');
  else {
    if (value.softwareVersion === undefined) warnings.push('display version: no "Comware Software, Version" line');
    if (value.model === undefined) warnings.push('display version: no "<model> uptime is" line');
  }
  return { value, warnings };
}
