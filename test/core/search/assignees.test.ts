import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { createTestContext } from '../../helpers/workspace';

describe('assignee suggestions', () => {
  it('lists assigned names by live claims (one per name in any case), then the people who worked here', async () => {
    const ann = createTestContext('Ann Lee');
    const add = async (text: string) => (await call(ann, 'claims.add', { text })).id;
    const ids = [await add('Exports doubled.'), await add('Prices rose 4%.'), await add('Turnout was 61%.'), await add('Gone.')];
    await call(ann, 'claims.assign', { ids: [ids[0]!, ids[1]!], assignee: 'Sam' });
    await call(ann, 'claims.assign', { ids: [ids[2]!], assignee: 'sam' });
    await call(ann, 'claims.assign', { ids: [ids[3]!], assignee: 'Bob' });
    await call(ann, 'claims.delete', { ids: [ids[3]!] });
    ann.workspace.close();

    // A teammate who worked in the same file is suggested too, though nothing is assigned to them yet.
    const sam = createTestContext('Sam Ortiz', ann.file);
    await call(sam, 'claims.add', { text: 'Wages grew 2%.' });
    const suggestions = await call(sam, 'claims.assignees', {});
    expect(suggestions.map((s) => [s.name.toLowerCase(), s.count])).toEqual([
      ['sam', 3],
      ['ann lee', 0],
      ['sam ortiz', 0],
    ]);
    sam.workspace.close();
  });
});
