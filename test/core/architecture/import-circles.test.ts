import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph } from '../../helpers/import-graph';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const relative = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('import circles', () => {
  it('finds none in electron/ and shared/', () => {
    const graph = importGraph([path.join(root, 'electron'), path.join(root, 'shared')]);
    expect(graph.size).toBeGreaterThan(100);
    expect(importCircles(graph).map(relative)).toEqual([]);
  });

  it('reports a circle through type-only and lazy imports, and a self-import', () => {
    const a = '/x/a.ts';
    const b = '/x/b.ts';
    const c = '/x/c.ts';
    const graph = new Map([
      [a, [b]],
      [b, [c]],
      [c, [a]],
      ['/x/d.ts', ['/x/d.ts']],
      ['/x/e.ts', [a]],
    ]);
    expect(importCircles(graph)).toEqual([[a, b, c], ['/x/d.ts']]);
  });
});
