export * from './types';
export { renderDevice, renderPair, renderPairText, scriptText, stageLines } from './render';
export { framed, renderUndo, undoLines } from './undo';
export { syncSource, vrrpBinding } from './sections';
export { planChanges, type Plan } from './diff';
