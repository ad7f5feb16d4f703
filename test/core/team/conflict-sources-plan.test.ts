import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../helpers/workspace';
import { queryPlan } from '../../helpers/query-plan';
import { SOURCES_ATTACHED_BY_SQL } from '../../../electron/core/team/conflicts';
import { CREATE_FIELD } from '../../../electron/core/store/entities';

describe("a conflict side's sources", () => {
  it("are found from the claim's sources, never by walking the person's whole change log", () => {
    const ctx = createTestContext();
    const plan = queryPlan(ctx.workspace.db, SOURCES_ATTACHED_BY_SQL, [CREATE_FIELD, 'claim-1', 'actor-1']).join('\n');
    expect(plan).toMatch(/SEARCH s USING INDEX sources_by_claim/);
    expect(plan).toMatch(/SEARCH ch USING (COVERING )?INDEX changes_by_entity_field/);
    expect(plan).not.toMatch(/changes_by_actor/);
    ctx.workspace.close();
  });
});
