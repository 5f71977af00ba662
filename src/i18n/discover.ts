import type { i18n } from 'i18next';
import type { MessageParams } from '../core/base/message';
import { coreTranslator } from './core';

/** A row of the discovery comparison as the host sends it: English, and the catalogue codes when core gave them. */
export interface MismatchLike {
  label: string;
  message: string;
  code?: string;
  params?: MessageParams;
  labelCode?: string;
}

/** The row's label and message in an instance's language; the device values (a, b) are shown as read. */
export function mismatchText(i: i18n, m: MismatchLike): { label: string; message: string } {
  const tr = coreTranslator(i);
  return {
    label: m.labelCode === undefined ? m.label : tr.text(m.labelCode, {}, m.label),
    message: m.code === undefined ? m.message : tr.text(m.code, m.params, m.message),
  };
}
