import type { GraphQLResponse } from '@caseflow/testing';

/** Runs each bad input and expects it refused with BAD_USER_INPUT naming its field (checked one by one, so a failure names the case). */
export async function expectFieldRefusals(
  run: (vars: Record<string, unknown>) => Promise<Pick<GraphQLResponse, 'errors'>>,
  cases: ReadonlyArray<[Record<string, unknown>, string]>,
): Promise<void> {
  for (const [vars, field] of cases) {
    const res = await run(vars);
    expect({ field, codes: (res.errors ?? []).map((e) => e.extensions?.code), got: res.errors?.[0].extensions?.field }).toEqual({
      field,
      codes: ['BAD_USER_INPUT'],
      got: field,
    });
  }
}
