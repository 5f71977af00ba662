import { CONFIG_DISPLAYS } from '../display/config';
import { NETWORK_DISPLAYS } from '../display/network';
import { RBM_DISPLAYS } from '../display/rbm';
import { SYSTEM_DISPLAYS } from '../display/system';
import type { CommandSpec } from '../types';
import { INTERFACE_COMMANDS } from './interface-view';
import { RBM_COMMANDS } from './rbm-view';
import { SESSION_COMMANDS } from './session';
import { OBJECT_GROUP_COMMANDS } from './object-group';
import { LUSER_COMMANDS, SYSTEM_COMMANDS } from './system-view';

/** The whole grammar, one table per command family. */
export const ALL_COMMANDS: readonly CommandSpec[] = [
  ...SESSION_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...LUSER_COMMANDS,
  ...INTERFACE_COMMANDS,
  ...OBJECT_GROUP_COMMANDS,
  ...RBM_COMMANDS,
  ...CONFIG_DISPLAYS,
  ...SYSTEM_DISPLAYS,
  ...NETWORK_DISPLAYS,
  ...RBM_DISPLAYS,
];
