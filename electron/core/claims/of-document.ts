/**
 * Conditions that pick the claims of one document (or of several), written so SQLite searches the
 * claims indexes in document order by document. Those indexes lead with `document_id IS NULL` (a
 * claim with no document sorts after the others), and SQLite uses that column only when the query
 * states its value; `document_id = x` alone would walk the whole index. The added term changes no
 * result: a claim whose document equals a value has a document.
 *
 * `column` is the claims table's document column as the query names it (`c.document_id`).
 */
export function ofDocument(column: string, value = '?'): string {
  return `(${column} IS NULL) = 0 AND ${column} = ${value}`;
}

/** The claims of the documents whose ids a JSON array parameter lists. */
export function ofDocuments(column: string): string {
  return `(${column} IS NULL) = 0 AND ${column} IN (SELECT value FROM json_each(?))`;
}

/** The claims of a document, or those of no document when the parameter is null: takes the parameter twice. */
export function ofDocumentOrNone(column: string): string {
  return `(${column} IS NULL) = (? IS NULL) AND ${column} IS ?`;
}
