import { addDays, localDay } from '@caseflow/core';
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const RECORD = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id barrierCount assetCount assessedBy { id }
  barriers: items(rating: BARRIER) { domain characteristic planToCompensate { how byWhen whoHelps } } health: items(domain: PERSONAL_HEALTH) { characteristic } } }`;
/** A plan to compensate a barrier is due a month from today (computed, so the spec holds on any day). */
const inAMonth = addDays(localDay(new Date()), 30);
const client = () => tb.world.clients.find((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE')!;

describe('needs assessments', () => {
  it('records rated characteristics with plans to compensate barriers and computes the counts', async () => {
    const res = await tb.as<{ recordAssessment: { id: string } }>('casey', RECORD, {
      input: {
        clientId: client().id,
        summary: 'Six-month review',
        items: [
          {
            domain: 'PERSONAL_CIRCUMSTANCES',
            characteristic: 'Transportation',
            rating: 'BARRIER',
            planToCompensate: { how: 'Bus pass through the program', byWhen: inAMonth, whoHelps: 'Case manager' },
          },
          { domain: 'PERSONAL_HEALTH', characteristic: 'General health', rating: 'ASSET' },
          { domain: 'EMPLOYABILITY', characteristic: 'Punctuality', rating: 'ASSET' },
          { domain: 'OTHER', characteristic: 'Forklift certificate', rating: 'NOT_APPLICABLE' },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordAssessment).toEqual({
      id: expect.any(String),
      barrierCount: 1,
      assetCount: 2,
      assessedBy: { id: tb.staff('casey').id },
      barriers: [
        {
          domain: 'PERSONAL_CIRCUMSTANCES',
          characteristic: 'Transportation',
          planToCompensate: { how: 'Bus pass through the program', byWhen: inAMonth, whoHelps: 'Case manager' },
        },
      ],
      health: [{ characteristic: 'General health' }],
    });
    const latest = await tb.as<{ client: { latestAssessment: { id: string } } }>(
      'casey',
      `query($id: ID!) { client(id: $id) { latestAssessment { id } } }`,
      { id: client().id },
    );
    expect(latest.data!.client.latestAssessment.id).toBe(res.data!.recordAssessment.id);
    const checklist = await tb.as<{ assessmentChecklist: Array<{ domain: string; name: string; standard: boolean }> }>(
      'casey',
      '{ assessmentChecklist { domain name standard } }',
    );
    expect(checklist.data!.assessmentChecklist.filter((c) => c.standard)).toHaveLength(48);
    expect(checklist.data!.assessmentChecklist).toContainEqual({ domain: 'OTHER', name: 'Forklift certificate', standard: false });
    expect(checklist.data!.assessmentChecklist).toContainEqual({
      domain: 'CERTIFICATES_LICENSES',
      name: "Driver's license",
      standard: true,
    });
  });

  it.each([
    [{ items: [] }, 'input.items'],
    [{ items: Array.from({ length: 201 }, (_, i) => ({ domain: 'OTHER', characteristic: `c${i}`, rating: 'ASSET' })) }, 'input.items'],
    [
      {
        items: [
          { domain: 'OTHER', characteristic: 'x', rating: 'ASSET' },
          { domain: 'OTHER', characteristic: 'X', rating: 'BARRIER' },
        ],
      },
      'input.items[1].characteristic',
    ],
    [
      { items: [{ domain: 'OTHER', characteristic: 'x', rating: 'ASSET', planToCompensate: { how: 'n/a' } }] },
      'input.items[0].planToCompensate',
    ],
    [{ items: [{ domain: 'OTHER', characteristic: '', rating: 'ASSET' }] }, 'input.items[0].characteristic'],
  ])('refuses a bad assessment %# naming the field, writing nothing', async (change, field) => {
    const before = [await tb.count('needs_assessment'), await tb.count('assessment_item')];
    const res = await tb.as('casey', RECORD, { input: { clientId: client().id, ...change } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect([await tb.count('needs_assessment'), await tb.count('assessment_item')]).toEqual(before);
  });

  it('refuses other case managers and partners, and hides assessments from a partner whose consent does not cover them', async () => {
    const input = { clientId: client().id, items: [{ domain: 'OTHER', characteristic: 'x', rating: 'ASSET' }] };
    const before = await tb.count('needs_assessment');
    for (const key of ['jordan', 'pat', 'alex'] as const) expect(errorCodes(await tb.as(key, RECORD, { input }))).toEqual(['FORBIDDEN']);
    expect(await tb.count('needs_assessment')).toBe(before);
  });
});
