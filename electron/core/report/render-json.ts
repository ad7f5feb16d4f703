/**
 * ReportModel -> JSON (schema version REPORT_SCHEMA_VERSION, docs/report-schema.md). The model is the document; it is
 * written claim by claim so a large export can yield to the event loop between claims.
 */
import { nest, safeJson } from './json-text';
import type { ReportModel } from './schema';
import { collect, type PartStream, type RenderProgress } from './stream';

export function* jsonParts(model: ReportModel, progress: RenderProgress = { claimsDone: 0 }): PartStream {
  const { documents, attachments, ...head } = model;
  const headJson = safeJson(head);
  yield `${headJson.slice(0, -2)},\n  "documents": [`;
  for (const [i, d] of documents.entries()) {
    const { claims, ...docHead } = d;
    const docJson = nest(safeJson(docHead), 2);
    yield `${i === 0 ? '' : ','}\n    ${docJson.slice(0, -6)},\n      "claims": [`;
    for (const [j, c] of claims.entries()) {
      yield `${j === 0 ? '' : ','}\n        ${nest(safeJson(c), 4)}`;
      progress.claimsDone++;
    }
    yield `${claims.length ? '\n      ' : ''}]\n    }`;
  }
  yield `${documents.length ? '\n  ' : ''}],\n  "attachments": ${nest(safeJson(attachments), 1)}\n}\n`;
}

export function renderJson(model: ReportModel): string {
  return collect(jsonParts(model));
}
