import { expandInterfaceName } from '../parse/interface-names';

/**
 * Interface names as Comware accepts them: case-insensitive and abbreviable (GE1/0/1 is
 * GigabitEthernet1/0/1). Rules compare names through `sameInterface` so that a user who writes
 * the short form in one place and the long form in another is not told the two differ. The
 * abbreviation table is the parsers' one, so a name read from a device and a name written in a
 * pair file expand the same way.
 */
export const interfaceKey = (name: string): string => expandInterfaceName(name).toLowerCase();

export const sameInterface = (x: string | undefined, y: string | undefined): boolean =>
  x !== undefined && y !== undefined && interfaceKey(x) === interfaceKey(y);
