import { fill, type PlatformPack } from '../platforms/pack';

/**
 * A command script as a configuration file for the appliance's USB automatic configuration:
 * the session frame (system-view / return) goes, `quit` lines become `#` section breaks, as in a
 * saved Comware configuration.
 */
export function scriptToConfigFile(script: string, pack: PlatformPack): string {
  const skip = new Set([pack.session.enterSystemView, pack.session.returnToUser]);
  const out: string[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trimEnd();
    if (!line || skip.has(line.trim())) continue;
    out.push(line.trim() === pack.session.quit ? '#' : line);
  }
  return `#\n${out.join('\n')}\n#\nreturn\n`;
}

/** The USB index that maps each device (by serial number, or sysname when unknown) to its file. */
export function usbIndex(pack: PlatformPack, entries: { serial: string; file: string }[]): string {
  return entries.map((e) => fill(pack.usbAutoConfig.indexTemplate, e)).join('');
}
