/**
 * The report's only stylesheet, inlined. Print first: the page box is left to the printer's paper
 * (A4 or Letter) with margins that fit both, sizes in points, and rows, charts and the sign-off
 * never split across two pages.
 */
export const REPORT_CSS = `
@page { margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #234; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0; }
.sub { color: #444; margin-bottom: 8pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 8pt; }
th, td { border: 0.6pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e8edf2; font-weight: 600; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
table.rules th:nth-child(1) { width: 30%; } table.rules th:nth-child(2) { width: 42%; }
table.health th:nth-child(1) { width: 24%; }
table.applied th:nth-child(1), table.events th:nth-child(1) { width: 7%; } table.applied th:nth-child(2), table.events th:nth-child(2) { width: 13%; }
table.figures th:nth-child(1) { width: 46%; }
table.transcripts th:nth-child(1) { width: 9%; } table.transcripts th:nth-child(3) { width: 10%; } table.transcripts th:nth-child(4) { width: 36%; } table.transcripts th:nth-child(5) { width: 14%; }
td.k { width: 28%; font-weight: 600; background: #f5f7f9; }
.mono, code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 2pt 0; }
.st { display: inline-block; min-width: 34pt; padding: 0 3pt; border-radius: 2pt; font-weight: 700; font-size: 8.5pt; text-align: center; }
.st-pass, .st-ok, .st-success, .st-yes { background: #d7efd9; color: #1b5e20; }
.st-fail, .st-failed, .st-error, .st-no { background: #f9d6d5; color: #8e1b17; }
.st-warn, .st-warning { background: #fbeccb; color: #7a4d00; }
.st-na, .st-info, .st-skipped { background: #e6e6e6; color: #333; }
.none { color: #555; font-style: italic; }
.figures td { font-size: 11pt; }
.drill { break-inside: avoid-page; }
svg.timeline { display: block; margin: 4pt 0; break-inside: avoid; page-break-inside: avoid; }
.tl-bg { fill: #f4f4f4; stroke: #bbb; stroke-width: 0.6; }
.tl-ok { fill: #2e7d32; }
.tl-fail { fill: #c62828; }
.tl-axis { stroke: #555; stroke-width: 0.8; }
.tl-event { stroke: #1a4a8a; stroke-width: 1; stroke-dasharray: 3 2; }
.tl-unexpected { stroke: #c62828; stroke-width: 1.4; }
.tl-label, .tl-tick { font: 9.5px "DejaVu Sans Mono", monospace; fill: #222; }
.tl-mark { font: bold 10.5px "DejaVu Sans", sans-serif; fill: #1a4a8a; }
.signoff { display: flex; gap: 10mm; margin-top: 8pt; break-inside: avoid; page-break-inside: avoid; }
.signoff > div { flex: 1; border: 0.8pt solid #555; padding: 4pt 6pt; min-height: 38mm; }
.signoff .line { border-bottom: 0.6pt solid #555; min-height: 16pt; margin: 2pt 0 8pt; }
.fine { color: #444; font-size: 8pt; }
@media print { body { max-width: none; padding: 0; } }
`;
