import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTableSql } from '@caseflow/audit';
import { createTable } from '@caseflow/db';

/** A referral's statuses: its own and each event's. */
const STATUSES = "'DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'WAITLISTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'EXPIRED'";

export class InitReferrals1763856000002 implements MigrationInterface {
  name = 'InitReferrals1763856000002';

  async up(q: QueryRunner): Promise<void> {
    // Client, service, organization, staff and goal ids belong to other subgraphs: no foreign keys across them.
    await createTable(q, 'referrals.referral', {
      columns: `
        client_id uuid NOT NULL,
        client_organization_id uuid NOT NULL,
        service_id uuid NOT NULL,
        service_at_location_id uuid,
        organization_id uuid NOT NULL,
        referred_by uuid NOT NULL,
        goal_id uuid,
        need text NOT NULL CHECK (length(need) BETWEEN 1 AND 2000),
        necessary_rationale text NOT NULL CHECK (length(necessary_rationale) BETWEEN 1 AND 20000),
        appropriate_rationale text NOT NULL CHECK (length(appropriate_rationale) BETWEEN 1 AND 20000),
        paid_by_contract boolean NOT NULL DEFAULT false,
        urgency text NOT NULL DEFAULT 'ROUTINE' CHECK (urgency IN ('ROUTINE', 'SOON', 'URGENT')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN (${STATUSES})),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        respond_by timestamptz,
        decline_reason text CHECK (length(decline_reason) <= 20000),
        outcome text CHECK (outcome IN ('SERVICE_PROVIDED', 'CLIENT_DID_NOT_ATTEND', 'NOT_ELIGIBLE', 'CLIENT_DECLINED', 'UNABLE_TO_CONTACT', 'OTHER')),
        follow_up_at timestamptz,
        client_mutation_id text CHECK (length(client_mutation_id) BETWEEN 1 AND 200),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT referral_declined_has_reason CHECK (status <> 'DECLINED' OR decline_reason IS NOT NULL),
        CONSTRAINT referral_completed_has_outcome CHECK (status <> 'COMPLETED' OR outcome IS NOT NULL)
      `,
      indexed: ['service_id'],
      indexes: `
        CREATE INDEX referral_client_created_idx ON referrals.referral (client_id, created_at);
        -- A partner's inbox: referrals to its organization by status, in the order they were sent (keyset on sent_at, id).
        CREATE INDEX referral_organization_inbox_idx ON referrals.referral (organization_id, status, sent_at, id);
        -- The expiry sweep: SENT referrals past respond_by.
        CREATE INDEX referral_status_respond_by_idx ON referrals.referral (status, respond_by);
        CREATE INDEX referral_referred_by_idx ON referrals.referral (referred_by, created_at);
        CREATE INDEX referral_client_organization_idx ON referrals.referral (client_organization_id, created_at);
        CREATE INDEX referral_goal_idx ON referrals.referral (goal_id) WHERE goal_id IS NOT NULL;
        CREATE INDEX referral_service_at_location_idx ON referrals.referral (service_at_location_id) WHERE service_at_location_id IS NOT NULL;
        CREATE UNIQUE INDEX referral_client_mutation_key ON referrals.referral (referred_by, client_mutation_id) WHERE client_mutation_id IS NOT NULL;
      `,
    });

    await createTable(q, 'referrals.referral_event', {
      columns: `
        referral_id uuid NOT NULL REFERENCES referrals.referral (id),
        status text NOT NULL CHECK (status IN (${STATUSES})),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        note text CHECK (length(note) <= 20000)
      `,
      indexes: `
        CREATE INDEX referral_event_referral_at_idx ON referrals.referral_event (referral_id, at);
        CREATE INDEX referral_event_actor_idx ON referrals.referral_event (actor_id) WHERE actor_id IS NOT NULL;
      `,
      // History is never lost: the database itself refuses to change or remove an event.
      appendOnly: 'referral events are append-only',
    });

    for (const statement of auditTableSql('referrals')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE referrals.audit_event, referrals.referral_event, referrals.referral');
    await q.query('DROP FUNCTION referrals.audit_event_append_only(), referrals.referral_event_append_only()');
  }
}
