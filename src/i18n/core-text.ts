import type { i18n } from 'i18next';
import type { ErrorInfo } from '../core/base/errors';
import type { DeviceKey } from '../core/model/pair';
import type { MonitorEvent } from '../core/monitor/types';
import { eventText, groupLabel, type EventGroup, type EventText } from '../core/monitor/view';
import type { HealthCheck, StageName, VerifyFailure } from '../core/provision/types';
import { healthText } from '../core/provision/format';
import { STAGE_TEXT } from '../core/provision/stages';
import { failureMessage, formatFailure } from '../core/provision/verify-text';
import type { ReportLanguage } from '../core/report/sections';
import { coreTranslator } from './core';
import { ruleSummary } from './diagnostic';
import { preflightText } from './preflight';

/**
 * What the renderer and the CLI show of core's results, in an instance's language. Each falls back
 * to the English core sent when the result carries no code (an older host) or the catalogue lacks it.
 */
export interface HealthCheckText {
  title: string;
  reason: string;
  fix: string;
}

export function healthCheckText(i: i18n, c: HealthCheck): HealthCheckText {
  return healthText(c, coreTranslator(i));
}

export function verifyFailureText(i: i18n, f: VerifyFailure): string {
  const m = failureMessage(f);
  return coreTranslator(i).text(m.code, m.params, formatFailure(f));
}

export function stageText(i: i18n, stage: StageName): { title: string; explain?: string } {
  const tr = coreTranslator(i);
  const en = STAGE_TEXT[stage];
  return { title: tr.text(`stage.${stage}.title`, {}, en.title), ...(en.explain ? { explain: tr.text(`stage.${stage}.explain`, {}, en.explain) } : {}) };
}

export interface ErrorText {
  /** The code's short name ("Verification failed"). */
  title: string;
  message: string;
  fix?: string;
}

export function errorText(i: i18n, e: ErrorInfo): ErrorText {
  const tr = coreTranslator(i);
  const title = tr.text(`error.code.${e.code}`, {}, e.code);
  if (e.key === undefined) return { title, message: e.message, ...(e.fix ? { fix: e.fix } : {}) };
  return { title, message: tr.text(`${e.key}.message`, e.params, e.message), ...(e.fix ? { fix: tr.text(`${e.key}.fix`, e.params, e.fix) } : {}) };
}

/** A monitor event (the Monitor timeline's row) in an instance's language; device words stay as the device printed them. */
export function monitorEventText(i: i18n, e: MonitorEvent, name?: (key: DeviceKey) => string): EventText {
  return eventText(e, name, coreTranslator(i));
}

/** A timeline filter's label in an instance's language. */
export const monitorGroupLabel = (i: i18n, id: EventGroup): string => groupLabel(id, coreTranslator(i));

/** What the signed report needs to be written in an instance's language: core labels, findings and rule summaries. */
export function reportLanguage(i: i18n): ReportLanguage {
  return {
    tr: coreTranslator(i),
    finding: (d) => {
      const t = preflightText(i, d);
      return { severity: t.severity, message: t.message, fix: t.fix ?? d.fix };
    },
    ruleSummary: (id, summary) => ruleSummary(i, { id, summary }),
  };
}
