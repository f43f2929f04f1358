import type { DataSource } from 'typeorm';
import type { DemoWorld } from '@caseflow/demo';
import { type SeededReferral, demoReferrals } from './demo-referrals';

/** Rows per INSERT: large worlds are written in a few statements, not one per row. */
const CHUNK = 2000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const lastChange = (r: SeededReferral) => r.events.reduce((latest, e) => (e.at > latest ? e.at : latest), r.createdAt);
/** A uuid[] as a PostgreSQL array literal (unnest cannot take an array of arrays of different lengths). */
const arrayLiteral = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Writes the referrals subgraph's part of the demo world (referrals and their
 * history, see demo-referrals.ts); safe to run twice.
 */
export async function seedReferrals(dataSource: DataSource, world: DemoWorld): Promise<void> {
  const referrals = demoReferrals(world);
  await dataSource.transaction(async (tx) => {
    for (const batch of chunks(referrals)) {
      const column = <T>(value: (r: SeededReferral) => T) => batch.map(value);
      await tx.query(
        `INSERT INTO referrals.referral (id, client_id, client_organization_id, service_id, service_at_location_id, organization_id,
                                         referred_by, need, necessary_rationale, appropriate_rationale, paid_by_contract, urgency,
                                         status, created_at, sent_at, respond_by, decline_reason, outcome, updated_at, goal_id,
                                         service_taxonomy_term_ids, first_response_at, accepted_at)
         SELECT id, client_id, client_organization_id, service_id, service_at_location_id, organization_id,
                referred_by, need, necessary_rationale, appropriate_rationale, false, urgency,
                status, created_at, sent_at, respond_by, decline_reason, outcome, updated_at, goal_id,
                terms::uuid[], first_response_at, accepted_at
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[], $16::text[],
                       $17::text[], $18::timestamptz[], $19::uuid[], $20::text[], $21::timestamptz[], $22::timestamptz[])
             AS t(id, client_id, client_organization_id, service_id, service_at_location_id, organization_id, referred_by, need,
                  necessary_rationale, appropriate_rationale, urgency, status, created_at, sent_at, respond_by, decline_reason,
                  outcome, updated_at, goal_id, terms, first_response_at, accepted_at)
         ON CONFLICT (id) DO NOTHING`,
        [
          column((r) => r.id),
          column((r) => r.clientId),
          column((r) => r.clientOrganizationId),
          column((r) => r.serviceId),
          column((r) => r.serviceAtLocationId),
          column((r) => r.organizationId),
          column((r) => r.referredById),
          column((r) => r.need),
          column((r) => r.necessaryRationale),
          column((r) => r.appropriateRationale),
          column((r) => r.urgency),
          column((r) => r.status),
          column((r) => r.createdAt),
          column((r) => r.sentAt),
          column((r) => r.respondBy),
          column((r) => r.declineReason),
          column((r) => r.outcome),
          column((r) => lastChange(r)),
          column((r) => r.goalId),
          column((r) => arrayLiteral(r.taxonomyTermIds)),
          column((r) => r.firstResponseAt),
          column((r) => r.acceptedAt),
        ],
      );
    }
    // The directory's names, as createReferral keeps them for the referral's events.
    const serviceName = new Map(world.services.map((s) => [s.id, s.name]));
    const organizationName = new Map(world.organizations.map((o) => [o.id, o.name]));
    await tx.query(
      `UPDATE referrals.referral r SET service_name = t.service_name, organization_name = t.organization_name
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, service_name, organization_name)
        WHERE r.id = t.id AND r.service_name IS NULL`,
      [
        referrals.map((r) => r.id),
        referrals.map((r) => serviceName.get(r.serviceId) ?? null),
        referrals.map((r) => organizationName.get(r.organizationId) ?? null),
      ],
    );
    const events = referrals.flatMap((r) => r.events.map((e) => ({ ...e, referralId: r.id })));
    for (const batch of chunks(events)) {
      await tx.query(
        `INSERT INTO referrals.referral_event (id, referral_id, status, at, actor_id, note)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[])
         ON CONFLICT (id) DO NOTHING`,
        [
          batch.map((e) => e.id),
          batch.map((e) => e.referralId),
          batch.map((e) => e.status),
          batch.map((e) => e.at),
          batch.map((e) => e.actorId),
          batch.map((e) => e.note),
        ],
      );
    }
  });
}
