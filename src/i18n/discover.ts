import type { i18n } from 'i18next';
import type { MessageList, MessageParams } from '../core/base/message';
import { coreTranslator } from './core';

/** A row of the discovery comparison as the host sends it: English, and the catalogue codes when core gave them. */
export interface MismatchLike {
  label: string;
  message: string;
  code?: string;
  params?: MessageParams;
  labelCode?: string;
  a?: string;
  b?: string;
  values?: { a?: MessageList; b?: MessageList };
}

export interface MismatchText {
  label: string;
  message: string;
  /** Each side's value: what the device printed as it is, what the tool worded in the reader's language. */
  a: string | undefined;
  b: string | undefined;
}

/** The row's label, message and values in an instance's language; device values are shown as read. */
export function mismatchText(i: i18n, m: MismatchLike): MismatchText {
  const tr = coreTranslator(i);
  // A part this catalogue lacks (a newer core) leaves the whole value in core's English.
  const value = (english: string | undefined, said: MessageList | undefined) =>
    said === undefined || english === undefined || !said.items.every((x) => i.exists(`core:${x.code}`)) ? english : said.items.map((x) => tr.text(x.code, x.params, english)).join(tr.text(`sep.${said.sep}`, {}, ', '));
  return {
    label: m.labelCode === undefined ? m.label : tr.text(m.labelCode, {}, m.label),
    message: m.code === undefined ? m.message : tr.text(m.code, m.params, m.message),
    a: value(m.a, m.values?.a),
    b: value(m.b, m.values?.b),
  };
}
