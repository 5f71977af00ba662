// The display parsers (pure: text in, { value, warnings } out). parseCurrentConfig lives in
// ./current-config and is exported by its owner's module, not here.
export type { Parsed } from './text';
export { cleanLines } from './text';
export { expandInterfaceName } from './interface-names';
export { parseVersion, type VersionInfo } from './version';
export { parseDevice, type SlotInfo } from './device';
export { parseManuinfo, type ManuInfo, type ManuUnit } from './manuinfo';
export { parseInterfaceBrief, type BriefInterface } from './interface-brief';
export { parseRbmStatus } from './rbm-status';
export { parseSyncCheck, type SyncCheck } from './sync-check';
export { parseVrrp, type VrrpGroup, type VrrpInfo } from './vrrp';
export { parseTrackAll, type TrackEntry } from './track';
export { parseClock, type ClockInfo } from './clock';
export { parseLogLine, type LogEntry } from './log-line';
export { parsePrompt, type PromptFact } from './prompt';
export { parserWarningSaid } from './warning-said';
