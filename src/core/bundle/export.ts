import { AppError } from '../base/errors';
import { comware7 } from '../platforms/comware7';
import type { PlatformPack, UsbAutoConfig } from '../platforms/pack';
import { ENTERS } from '../render/emit';
import { parseCommand } from '../render/templates';

/**
 * A command script as a configuration file, in the form the device saves one: the session frame
 * (system-view / return) goes, the lines of a sub-view are indented by one space under the line
 * that enters it, and `quit` becomes a `#` section break. A loader reads an unindented line in
 * system view, so without the indent `ip address …` would land outside its interface.
 */
export function scriptToConfigFile(script: string, pack: PlatformPack): string {
  const skip = new Set([pack.session.enterSystemView, pack.session.returnToUser]);
  const out: string[] = ['#'];
  let inView = false;
  for (const raw of script.split('\n')) {
    const text = raw.trim();
    if (!text || skip.has(text)) continue;
    if (text === pack.session.quit) {
      inView = false;
      if (out[out.length - 1] !== '#') out.push('#');
      continue;
    }
    if (inView) {
      out.push(` ${text}`);
      continue;
    }
    out.push(text);
    const p = parseCommand(pack, text, 'system');
    inView = p !== undefined && !p.negated && ENTERS[p.key] !== undefined;
  }
  if (out[out.length - 1] !== '#') out.push('#');
  return `${out.join('\n')}\nreturn\n`;
}

/** One device on the USB disk: its configuration script and what identifies it to the auto-configuration. */
export interface UsbDevice {
  sysname: string;
  /** As `display device manuinfo` prints it (DEVICE_SERIAL_NUMBER). */
  serial: string | undefined;
  mac?: string | undefined;
  /** The rendered command script (a.cfg / b.cfg of a bundle). */
  script: string;
}

export interface UsbFile {
  name: string;
  text: string;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `3CD2-E5A1-0001`, `3c:d2:e5:a1:00:01` → `3cd2-e5a1-0001`, the form Comware prints; undefined if it is no MAC. */
export function comwareMac(mac: string): string | undefined {
  const hex = mac.toLowerCase().replace(/[-:.]/g, '');
  if (!/^[0-9a-f]{12}$/.test(hex)) return undefined;
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`;
}

/** `2026-03-01T10:20:30.000Z` → `20260301.102030`: the index's change stamp, from the bundle's creation time. */
export function timeSn(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION', `not a time: ${iso}`, { message: { key: 'bundle.usb.not-a-time', params: { time: iso } } });
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}.${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Fill a multi-line template; a line whose placeholder has no value is left out (an optional field). */
function fillLines(template: string, values: Record<string, string | undefined>): string {
  return template
    .split('\n')
    .filter((line) => [...line.matchAll(/\{(\w+)\}/g)].every((m) => values[m[1] as string] !== undefined))
    .map((line) => line.replace(/\{(\w+)\}/g, (_, k: string) => values[k] as string))
    .join('\n');
}

/**
 * The layout a pack describes; a pack still in the earlier `indexTemplate` form (read from an
 * older bundle) gets the built-in one, since that form was never a vendor's.
 */
export function usbLayoutOf(pack: PlatformPack): UsbAutoConfig {
  const u = pack.usbAutoConfig;
  if ('configFile' in u) return u;
  return comware7.usbAutoConfig as UsbAutoConfig;
}

/**
 * Every file for the USB root: one configuration file per device and, when the layout has one,
 * the index naming each device's file by serial number (and MAC when known). Pure; throws
 * VALIDATION when a serial is missing or could not name a file, or two devices would share one.
 */
export function usbFiles(pack: PlatformPack, devices: readonly UsbDevice[], createdAt: string): UsbFile[] {
  const layout = usbLayoutOf(pack);
  const files: UsbFile[] = [];
  const entries: string[] = [];
  for (const d of devices) {
    if (d.serial === undefined || d.serial === '')
      throw new AppError('VALIDATION', `no serial number for ${d.sysname}: the USB auto-configuration finds each device by it`, {
        fix: 'give the serial that `display device manuinfo` prints (DEVICE_SERIAL_NUMBER), or the JSON of `hotpair discover --json` for that device',
        message: { key: 'bundle.usb.no-serial', params: { sysname: d.sysname } },
      });
    if (!SAFE_NAME.test(d.serial))
      throw new AppError('VALIDATION', `serial number "${d.serial}" of ${d.sysname} has characters a file name or the index cannot carry`, {
        fix: 'letters, digits, . _ - only',
        message: { key: 'bundle.usb.bad-serial', params: { serial: d.serial, sysname: d.sysname } },
      });
    let mac: string | undefined;
    if (d.mac !== undefined) {
      mac = comwareMac(d.mac);
      if (mac === undefined)
        throw new AppError('VALIDATION', `"${d.mac}" (${d.sysname}) is not a MAC address`, {
          fix: 'e.g. 3cd2-e5a1-0001 as display device manuinfo prints it',
          message: { key: 'bundle.usb.bad-mac', params: { mac: d.mac, sysname: d.sysname } },
        });
    }
    const values = { serial: d.serial, sysname: d.sysname, mac };
    const name = fillLines(layout.configFile, values);
    if (!SAFE_NAME.test(name))
      throw new AppError('VALIDATION', `the pack's USB configFile "${layout.configFile}" gives "${name}" for ${d.sysname}, not a plain file name`, {
        fix: 'correct usbAutoConfig.configFile in the platform pack',
        message: { key: 'bundle.usb.bad-file-name', params: { template: layout.configFile, name, sysname: d.sysname } },
      });
    if (files.some((f) => f.name.toLowerCase() === name.toLowerCase()) || name.toLowerCase() === layout.indexFile?.toLowerCase())
      throw new AppError('VALIDATION', `two files would be named ${name} on the USB disk`, { fix: 'the devices need distinct serial numbers', message: { key: 'bundle.usb.same-file', params: { name } } });
    files.push({ name, text: scriptToConfigFile(d.script, pack) });
    entries.push(fillLines(layout.indexEntry, { ...values, file: name }));
  }
  if (layout.indexFile !== null) {
    const text = [fillLines(layout.indexHeader, { timesn: timeSn(createdAt) }), ...entries, layout.indexFooter].join('');
    files.push({ name: layout.indexFile, text });
  }
  return files;
}
