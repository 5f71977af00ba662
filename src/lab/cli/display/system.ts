import { clockLine, uptimeText } from '../../device/clock';
import type { CommandSpec } from '../types';

/** Device identity and housekeeping displays (the vendor CLI notes). */
export const SYSTEM_DISPLAYS: CommandSpec[] = [
  {
    syntax: 'display version',
    views: 'any',
    run: ({ device: d }) => {
      const v = `${d.version}, ${d.release}`;
      const short = d.model.replace(/^H3C SecPath /, '');
      const build = d.release.replace(/^\D+/, '');
      return [
        `H3C Comware Software, Version ${v}`,
        'Copyright (c) 2004-2026 New H3C Technologies Co., Ltd. All rights reserved.',
        `${d.model} uptime is ${uptimeText((d.now() - d.bootTime) / 1000)}`,
        `Last reboot reason : ${d.rebootReason}`,
        `Boot image: flash:/${short}-CMW710-BOOT-E${build}.bin`,
        `Boot image version: ${v}`,
        '  Compiled Jan 06 2021 14:00:00',
        `System image: flash:/${short}-CMW710-SYSTEM-E${build}.bin`,
        `System image version: ${v}`,
        '  Compiled Jan 06 2021 14:00:00',
      ];
    },
  },
  {
    syntax: 'display device',
    views: 'any',
    run: ({ device: d }) => {
      const short = d.model.replace(/^H3C SecPath /, '');
      return [
        'Slot Type             State    Subslot  Soft Ver             Patch Ver',
        `1    ${short.padEnd(16)} Master   0        ${`${short}-${d.release.replace(/^\D+/, '')}`.padEnd(20)} None`,
      ];
    },
  },
  {
    syntax: 'display device manuinfo',
    views: 'any',
    run: ({ device: d }) => [
      'Slot 1 CPU 0:',
      `DEVICE_NAME          : ${d.model.replace(/^H3C SecPath /, '')}`,
      `DEVICE_SERIAL_NUMBER : ${d.serialNumber}`,
      `MAC_ADDRESS          : ${d.mac.toUpperCase()}`,
      'MANUFACTURING_DATE   : 2025-06-01',
      'VENDOR_NAME          : H3C',
    ],
  },
  {
    syntax: 'display clock',
    views: 'any',
    run: ({ device: d }) => [clockLine(d.clock()), 'Time Zone : UTC add 00:00:00'],
  },
  {
    syntax: 'display logbuffer',
    views: 'any',
    run: ({ device: d }) => [
      'Log buffer: Enabled',
      'Max buffer size: 512',
      `Actual buffer size: 512`,
      'Dropped messages: 0',
      'Overwritten messages: 0',
      `Current messages: ${d.logBuffer.length}`,
      ...d.logBuffer,
    ],
  },
];
