/** The report's stylesheet and icons: inline, so the HTML file needs nothing from outside. */

/** The file's own CSP: nothing may load, run or submit; inline styles and data: images only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export const VERDICT_COLOURS = {
  sourced: { ink: '#1d6b3a', tint: '#e3f1e7', bar: '#2f8a4f' },
  disputed: { ink: '#a12622', tint: '#fbe6e4', bar: '#c63a33' },
  unverified: { ink: '#735b00', tint: '#f8f0d2', bar: '#b8921a' },
  unreviewed: { ink: '#4a525c', tint: '#eef0f3', bar: '#8a929c' },
} as const;

/**
 * Icons are font glyphs in a drawn circle rather than SVG: Chromium prints a thousand-claim report
 * about twice as fast without thousands of SVG instances, and the glyph is still not the only cue
 * (the label is always next to it).
 */
const ICON_GLYPHS = { sourced: '✓', disputed: '✗', unverified: '?', unreviewed: '–', conflict: '!' } as const;

export type IconName = keyof typeof ICON_GLYPHS;

export function icon(name: IconName): string {
  return `<span class="icon icon-${name}" aria-hidden="true">${ICON_GLYPHS[name]}</span>`;
}

export const REPORT_CSS = `
:root {
  /* A report is a printed page: light even in a dark browser, form controls and scrollbars included. */
  color-scheme: light;
  --ink: #1b1f24; --muted: #5b6470; --rule: #d9dde3; --paper: #ffffff; --wash: #f5f6f8; --accent: #1f3a5f;
  --serif: Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, 'Liberation Serif', 'DejaVu Serif', serif;
  --sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--wash); }
body { margin: 0 auto; max-width: 820px; padding: 48px 56px 64px; background: var(--paper); color: var(--ink);
  font: 16px/1.55 var(--serif); overflow-wrap: anywhere; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1, h2, h3, h4, .sans, nav, table, .badge, .meta, .masthead, .decision, .stance, .num { font-family: var(--sans); }
h1 { font-size: 30px; line-height: 1.2; margin: 6px 0 10px; letter-spacing: -0.01em; }
h2 { font-size: 22px; line-height: 1.25; margin: 0 0 6px; }
h3 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 28px 0 10px; }
h4 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 14px 0 4px; }
a { color: var(--accent); }
p { margin: 0 0 8px; }
.masthead { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 24px; }
.masthead .org { font-size: 13px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); }
.masthead .byline, .meta { font-size: 13px; color: var(--muted); }
.icon { display: inline-block; flex: none; width: 1.3em; height: 1.3em; border: 1.5px solid currentColor; border-radius: 50%;
  font: 700 0.78em/1.2em var(--sans); text-align: center; }
.badge { display: inline-flex; align-items: center; gap: 5px; padding: 2px 10px 2px 7px; border-radius: 999px; font-size: 12.5px;
  font-weight: 700; letter-spacing: 0.02em; border: 1.5px solid currentColor; white-space: nowrap; }
.badge-sourced { color: ${VERDICT_COLOURS.sourced.ink}; background: ${VERDICT_COLOURS.sourced.tint}; }
.badge-disputed { color: ${VERDICT_COLOURS.disputed.ink}; background: ${VERDICT_COLOURS.disputed.tint}; }
.badge-unverified { color: ${VERDICT_COLOURS.unverified.ink}; background: ${VERDICT_COLOURS.unverified.tint}; }
.badge-unreviewed { color: ${VERDICT_COLOURS.unreviewed.ink}; background: ${VERDICT_COLOURS.unreviewed.tint}; border-style: dashed; }
.badge-conflict { color: #7a2e00; background: #fff0e0; border-style: dashed; }
.warnings { list-style: none; margin: 10px 0; padding: 0; font: 13.5px/1.45 var(--sans); color: #7a2e00; }
.warnings li, .needs-attention { display: flex; gap: 8px; align-items: flex-start; padding: 6px 10px; background: #fff0e0;
  border-left: 3px solid #c25a00; border-radius: 3px; margin: 0 0 4px; }
.needs-attention { font: 13px/1.4 var(--sans); color: #7a2e00; margin-top: 12px; }
.summary { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; align-items: center; padding: 18px 20px; background: var(--wash);
  border-radius: 6px; margin-bottom: 8px; }
.summary .total { font: 700 40px/1 var(--sans); }
.summary .total small { display: block; font-size: 13px; font-weight: 400; color: var(--muted); margin-top: 4px; }
.summary dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 12px; margin: 14px 0 0; font: 14px/1.4 var(--sans); }
.summary dt { display: flex; } .summary dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.chart { width: 100%; height: auto; font-family: var(--sans); }
.fingerprint { font: 11px/1.4 ui-monospace, 'DejaVu Sans Mono', monospace; color: var(--muted); word-break: break-all; }
section.session { margin: 0 0 22px; padding: 18px 20px 16px; border: 1px solid var(--rule); border-top: 4px solid var(--accent); border-radius: 4px; }
section.session h2 { margin-bottom: 2px; }
section.session h3 { margin: 18px 0 6px; }
.session-name { font: 700 17px/1.35 var(--serif); margin: 0 0 12px; }
.session-facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 8px 18px; margin: 0 0 16px; font: 13.5px/1.35 var(--sans); }
.session-facts dt { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.session-facts dd { margin: 2px 0 0; }
.session-facts .wide { grid-column: 1 / -1; }
.session-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 10px; font-family: var(--sans); }
.session-figures .figure { background: var(--wash); border-radius: 4px; padding: 10px 12px; }
.session-figures .value { display: block; font: 700 24px/1.1 var(--sans); font-variant-numeric: tabular-nums; }
.session-figures .label { display: block; font-size: 13px; font-weight: 700; margin-top: 3px; }
.session-figures .detail { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; }
ol.open-items { margin: 0; padding: 0; list-style: none; font-size: 14px; }
ol.open-items li { display: flex; gap: 10px; align-items: baseline; padding: 4px 0; border-bottom: 1px dotted var(--rule); }
ol.open-items .open-text { flex: 1; }
ol.open-items a { color: var(--ink); text-decoration: none; }
.queue-state { display: inline-block; flex: none; min-width: 10.5em; font: 700 11px/1.4 var(--sans); text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.queue-state.state-done { color: ${VERDICT_COLOURS.sourced.ink}; } .queue-state.state-later { color: ${VERDICT_COLOURS.unverified.ink}; }
.queue-state.state-skipped { color: #7a2e00; }
.claim-session { display: flex; gap: 10px; align-items: baseline; margin: 8px 0 0 20px; }
.claim-session .queue-state { min-width: 0; padding: 1px 7px; border: 1px solid currentColor; border-radius: 3px; }
nav.toc ol { margin: 0; padding: 0; list-style: none; font-size: 13.5px; }
nav.toc li { display: flex; gap: 8px; align-items: baseline; padding: 3px 0; border-bottom: 1px dotted var(--rule); }
nav.toc li .icon { align-self: center; }
nav.toc a { color: var(--ink); text-decoration: none; flex: 1; }
nav.toc .num { color: var(--muted); min-width: 2.6em; font-variant-numeric: tabular-nums; }
nav.toc .v-sourced { color: ${VERDICT_COLOURS.sourced.ink}; } nav.toc .v-disputed { color: ${VERDICT_COLOURS.disputed.ink}; }
nav.toc .v-unverified { color: ${VERDICT_COLOURS.unverified.ink}; }
nav.toc .v-unreviewed { color: ${VERDICT_COLOURS.unreviewed.ink}; }
nav.toc .vl { font-size: 11.5px; font-weight: 700; min-width: 6.2em; text-align: right; }
nav.documents li { font-size: 14.5px; }
section.document { margin-top: 44px; padding-top: 18px; border-top: 1px solid var(--rule); }
section.document > header { margin-bottom: 18px; }
.kicker { font: 700 12px/1 var(--sans); text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin-bottom: 8px; }
article.claim { margin: 26px 0 0; padding: 18px 0 0; border-top: 1px solid var(--rule); }
.claim-head { display: flex; align-items: center; gap: 10px; margin-bottom: 10px; }
.claim-head .num { font-size: 13px; font-weight: 700; color: var(--muted); }
.claim-head .anchor { margin-left: auto; font: 11px var(--sans); color: var(--muted); text-decoration: none; }
blockquote.claim-text { margin: 0; padding: 2px 0 2px 16px; border-left: 4px solid var(--rule); font-size: 19px; line-height: 1.45; }
article.v-sourced blockquote.claim-text { border-left-color: ${VERDICT_COLOURS.sourced.bar}; }
article.v-disputed blockquote.claim-text { border-left-color: ${VERDICT_COLOURS.disputed.bar}; }
article.v-unverified blockquote.claim-text { border-left-color: ${VERDICT_COLOURS.unverified.bar}; }
article.v-unreviewed blockquote.claim-text { border-left-color: ${VERDICT_COLOURS.unreviewed.bar}; }
.claimant { font: 14px var(--sans); color: var(--muted); margin: 6px 0 0 20px; }
.context { margin: 12px 0 0; padding: 10px 14px; background: var(--wash); border-radius: 4px; font-size: 14.5px; color: #39414b; }
.context mark { background: #fff1b8; color: var(--ink); padding: 0 1px; }
.rationale p { white-space: pre-wrap; }
ul.sources, ul.notes { margin: 0; padding: 0; list-style: none; }
ul.sources li, ul.notes li { padding: 6px 0; border-bottom: 1px dotted var(--rule); font-size: 14.5px; }
ul.sources li:last-child, ul.notes li:last-child { border-bottom: 0; }
.stance { display: inline-block; min-width: 6.5em; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; }
.stance-supports { color: ${VERDICT_COLOURS.sourced.ink}; } .stance-contradicts { color: ${VERDICT_COLOURS.disputed.ink}; }
.stance-context { color: var(--muted); }
.url { display: block; margin: 2px 0 0; font: 12px/1.4 var(--sans); color: var(--muted); overflow-wrap: anywhere; }
.url a { color: var(--accent); }
.excerpt { display: block; margin: 3px 0 0; color: #39414b; font-style: italic; }
.hash { font: 11px ui-monospace, 'DejaVu Sans Mono', monospace; color: var(--muted); word-break: break-all; }
.notes .who { font: 12.5px var(--sans); color: var(--muted); display: block; }
.notes .text { white-space: pre-wrap; }
.decision { margin-top: 12px; font-size: 12.5px; color: var(--muted); }
.decision p { margin: 0; }
ul.overruled { margin: 3px 0 0; padding: 0; list-style: none; }
ul.overruled li { margin-top: 2px; }
ul.overruled .text { color: var(--ink); white-space: pre-wrap; }
.tags { font: 12.5px var(--sans); color: var(--muted); margin: 6px 0 0 20px; }
.tags .tag { color: var(--ink); }
.empty { color: var(--muted); font-style: italic; }
/* Cells wrap between words only (the body's overflow-wrap: anywhere would let the table squeeze "Claims" to "Claim|s"); the digest takes what is left. */
table.appendix { width: 100%; border-collapse: collapse; font-size: 12.5px; overflow-wrap: break-word; }
table.appendix .size, table.appendix .claims, table.appendix th { white-space: nowrap; }
table.appendix .file { min-width: 8em; }
table.appendix th { text-align: left; border-bottom: 2px solid var(--ink); padding: 6px 8px 6px 0; }
table.appendix td { border-bottom: 1px solid var(--rule); padding: 6px 8px 6px 0; vertical-align: top; }
footer.colophon { margin-top: 48px; padding-top: 12px; border-top: 3px solid var(--ink); font: 12px/1.5 var(--sans); color: var(--muted); }
.truncated { margin-top: 32px; padding: 12px 16px; background: var(--wash); font: 14px var(--sans); }
.of-claim { display: none; }
@media print {
  .of-claim { display: inline; }
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  /* A new document starts a page, but the first one follows the summary: a short report stays short. */
  section.document + section.document { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
  section.document, section.appendix { margin-top: 28px; }
  /*
   * Each block of a claim stays whole and every heading stays with what follows it. The claim as a
   * whole may still break between its blocks: keeping it entire pushes it to the next page and
   * leaves most of a page blank (Chromium moved every second claim of a short report that way).
   * What the claim says and why it was decided stay together, though: heading, quote, context and
   * rationale are one run the page does not break; sources and notes may go on to the next page.
   */
  article.claim { margin-top: 14px; padding-top: 10px; }
  .claim-head, blockquote.claim-text, .claimant, figcaption, .kicker { break-after: avoid; break-inside: avoid; }
  figure.context:has(+ .rationale) { break-after: avoid; }
  figure.context, .rationale, .decision, section.appendix > h2 + p { break-inside: avoid; }
  /* Every side of an open conflict on one page: the reader compares them. */
  .conflict-sides, .warnings, .claim-session { break-inside: avoid; }
  /* A document's heading (kicker, title, meta lines) is one block, and stays with what follows. */
  section.document > header { break-inside: avoid; break-after: avoid; }
  /* The appendix's heading and introduction go with the table's head and first rows. */
  section.appendix > h2, section.appendix > h2 + p { break-after: avoid; }
  table.appendix thead { display: table-header-group; }
  /* The colophon follows the last block rather than filling a page of its own. */
  footer.colophon { break-before: avoid; break-inside: avoid; margin-top: 24px; }
  /* The decision line ("Verdict set by …") goes with the block before it, never alone atop a page. */
  .decision { break-before: avoid; }
  blockquote.claim-text { font-size: 13pt; }
  .context { font-size: 10pt; }
  h4 { margin: 10px 0 3px; }
  ul.sources li, ul.notes li, nav.toc li, tr { break-inside: avoid; }
  .summary, .session-facts, .session-figures { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .claim-head .anchor { display: none; }
}
@page { size: A4; margin: 18mm 17mm 20mm; }
`;
