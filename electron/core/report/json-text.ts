/**
 * JSON text that is also safe to paste inside an HTML <script> element: <, >, & and the two
 * JavaScript line separators are written as \u escapes, which every JSON parser reads back
 * unchanged; so are C1 controls, bidi overrides and zero-width characters, so they are visible
 * in the file and cannot disguise it (shared/text/invisible.ts).
 */
export function safeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(
    /[<>&\u2028\u2029\u0080-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u180E]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Re-indent a multi-line JSON fragment so it nests `depth` levels deep. */
export function nest(json: string, depth: number, indent = 2): string {
  return json.replace(/\n/g, `\n${' '.repeat(depth * indent)}`);
}
