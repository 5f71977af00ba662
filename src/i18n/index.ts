export { CATALOGUES, DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, isLanguage, type Catalogue, type Language, type Namespace } from './catalogues';
export { createI18n, format } from './create';
export { diagnosticText, ruleSummary, type DiagnosticLike, type DiagnosticText } from './diagnostic';
export { listParams, type MessageParams } from './params';
export { matchLanguage, resolveLanguage, type LanguageSources } from './resolve';
export { coreTranslator } from './core';
export { errorText, healthCheckText, monitorEventText, monitorGroupLabel, stageText, verifyFailureText, type ErrorText, type HealthCheckText } from './core-text';
export { preflightText } from './preflight';
