import { cleanLines, isEmptyValue, kvPairs, normKey, quote, type Parsed } from './text';

export interface ManuUnit {
  /** The block header as printed: "Chassis self", "Slot 1 CPU 0", "Fan 1", "Power 2". */
  name: string;
  kind: 'chassis' | 'slot' | 'fan' | 'power' | 'other';
  deviceName?: string;
  serialNumber?: string;
  mac?: string;
  manufacturingDate?: string;
  vendor?: string;
}

export interface ManuInfo {
  units: ManuUnit[];
  /** The chassis serial when printed, else the first slot's: what a USB auto-config index keys on. */
  serialNumber?: string;
  mac?: string;
}

const HEADER = /^\s*((?:Chassis|Slot|Subslot|Fan|Power|Cpu)\b[^:]*?|[A-Za-z][\w ]*?self)\s*:?\s*$/i;
// One field per line. Some releases print `KEY:value` with no blanks around the colon (and no
// slot header), so the shared two-space pair splitter cannot be used; the key is bounded so a
// long garbage line costs linear time.
const FIELD = /^\s*([A-Za-z][A-Za-z0-9_ ]{0,47}?)\s*:(.*)$/;
// Failure texts some platforms print instead of a block (virtual firewalls, empty bays).
export const NOT_SUPPORTED = /not supported|failed to|no manuinfo|not present|absent/i;

function kindOf(name: string): ManuUnit['kind'] {
  const n = name.toLowerCase();
  if (n.startsWith('chassis')) return 'chassis';
  if (n.startsWith('slot') || n.startsWith('subslot') || n.startsWith('cpu')) return 'slot';
  if (n.startsWith('fan')) return 'fan';
  if (n.startsWith('power')) return 'power';
  return 'other';
}

/** Parse `display device manuinfo` (`KEY : value` lines grouped under `Slot N:` / `Chassis self:` headers). */
export function parseManuinfo(text: string): Parsed<ManuInfo> {
  const units: ManuUnit[] = [];
  const warnings: string[] = [];
  let current: ManuUnit | undefined;
  for (const line of cleanLines(text)) {
    if (line.trim() === '') continue;
    const h = HEADER.exec(line);
    // "Slot 1 CPU 0:" also reads as a key with no value; a header is a header.
    if (h && kvPairs(line).every(([, v]) => v === '')) {
      const name = (h[1] ?? '').trim();
      current = { name, kind: kindOf(name) };
      units.push(current);
      continue;
    }
    const field = FIELD.exec(line);
    // "Failed to get ...: reason" carries a colon too; the real fields are upper-case keys.
    if (!field || (NOT_SUPPORTED.test(line) && !/^[A-Z0-9_ ]+$/.test(field[1] ?? ''))) {
      if (NOT_SUPPORTED.test(line)) warnings.push(`display device manuinfo: ${line.trim()}`);
      else warnings.push(`display device manuinfo: unrecognised line ${quote(line)}`);
      continue;
    }
    if (!current) {
      // Some box devices print the fields with no header: treat them as the chassis.
      current = { name: 'Chassis self', kind: 'chassis' };
      units.push(current);
    }
    const val = (field[2] ?? '').trim();
    if (isEmptyValue(val)) continue;
    const k = normKey((field[1] ?? '').replace(/_/g, ' '));
    if (k === 'device name') current.deviceName = val;
    else if (k === 'device serial number' || k === 'manu serial number' || k === 'serial number') current.serialNumber = val;
    else if (k === 'mac address') current.mac = val;
    else if (k === 'manufacturing date') current.manufacturingDate = val;
    else if (k === 'vendor name') current.vendor = val;
    // Other keys (PRODUCT ID, CLEI_CODE, MAKE_ADDRESS ...) are known to vary; nothing reads them.
  }
  const value: ManuInfo = { units };
  const withSerial = units.filter((u) => u.serialNumber !== undefined);
  const main = withSerial.find((u) => u.kind === 'chassis') ?? withSerial.find((u) => u.kind === 'slot');
  if (main?.serialNumber !== undefined) value.serialNumber = main.serialNumber;
  const macUnit = units.find((u) => u.kind === 'chassis' && u.mac) ?? units.find((u) => u.mac);
  if (macUnit?.mac !== undefined) value.mac = macUnit.mac;
  if (units.length === 0 && warnings.length === 0) warnings.push('display device manuinfo: empty output');
  else if (value.serialNumber === undefined) warnings.push('display device manuinfo: no chassis or slot serial number');
  return { value, warnings };
}
