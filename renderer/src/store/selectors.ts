import type { State } from './types';

// Narrow selectors: each returns one stable slice of state, so a component re-renders only when
// what it shows changes. Derived arrays are computed in components with useMemo, not here, so a
// selector never returns a fresh object on every call.
export const selectScreen = (s: State) => s.screen;
export const selectBoot = (s: State) => s.boot;
export const selectBootError = (s: State) => s.bootError;
export const selectInfo = (s: State) => s.info;
export const selectExamples = (s: State) => s.examples;
export const selectExamplesError = (s: State) => s.examplesError;
export const selectLab = (s: State) => s.lab;
export const selectLabBusy = (s: State) => s.labOpId !== undefined;
export const selectLabStep = (s: State) => s.labStep;
export const selectLabError = (s: State) => s.labError;
export const selectEditor = (s: State) => s.editor;
export const selectDoc = (s: State) => s.editor.doc;
export const selectDiagnostics = (s: State) => s.editor.diagnostics;
export const selectSettings = (s: State) => s.settings;
export const selectTheme = (s: State) => s.settings?.theme ?? 'system';
