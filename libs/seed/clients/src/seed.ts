/**
 * The clients subgraph's part of the demo world: staff, clients with their
 * contact preferences, eligibility, key dates and follow-ups, assessments on
 * the standard checklist, case notes (one sensitive, one amended), consents
 * (active, expired, revoked), last and next week's appointments, and the
 * case history with twelve months of closures. Deterministic, batched, and
 * safe to run twice.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_PROGRAM, DEMO_STAFF, type DemoWorld, HARBOUR_ID, demoId, demoStaff } from '@caseflow/demo';
import { STANDARD_CHECKLIST, foldName, recomputePriorities, searchNameOf, sortKeyOf } from '@caseflow/clients';
import { seedAppointments } from './appointments';
import { seedCaseTeam } from './case-team';
import { seedProfiles } from './profile';
import { seedDocuments } from './documents';

const DAY = 86_400_000;

/** Harbour works where the demo city is (Halifax): its "today" is Atlantic time. The other demo agencies set none (UTC). */
export const HARBOUR_TIME_ZONE = 'America/Halifax';
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Inserts rows given as objects through one statement (jsonb_to_recordset), skipping ids that exist. */
async function insertRows(
  tx: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const names = Object.keys(columns);
    await tx.query(
      `INSERT INTO clients.${table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${names.map((n) => `${n} ${columns[n]}`).join(', ')})
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows.slice(i, i + 2000))],
    );
  }
}

export async function seedClients(dataSource: DataSource, world: DemoWorld): Promise<void> {
  const now = world.today;
  const day = (offset: number) => new Date(now.getTime() + offset * DAY);
  const casey = demoStaff('casey');
  const closureOf = new Map(world.closures.map((c) => [c.clientId, c]));
  const open = world.clients.filter((c) => c.status !== 'CLOSED');

  await dataSource.transaction(async (tx) => {
    await insertRows(
      tx,
      'staff_member',
      { id: 'uuid', email: 'text', display_name: 'text', role: 'text', organization_id: 'uuid' },
      DEMO_STAFF.map((s) => ({ id: s.id, email: s.email, display_name: s.displayName, role: s.role, organization_id: s.organizationId })),
    );
    await tx.query(
      `INSERT INTO clients.organization_setting (organization_id, time_zone, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id) DO NOTHING`,
      [HARBOUR_ID, HARBOUR_TIME_ZONE, demoStaff('admin').id],
    );

    await insertRows(
      tx,
      'client',
      {
        id: 'uuid',
        organization_id: 'uuid',
        first_name: 'text',
        last_name: 'text',
        preferred_name: 'text',
        date_of_birth: 'date',
        status: 'text',
        intake_date: 'date',
        assigned_case_manager_id: 'uuid',
        search_name: 'text',
        sort_key: 'text',
        folded_first: 'text',
        folded_last: 'text',
        contact_method: 'text',
        contact_phone: 'text',
        voicemail_allowed: 'boolean',
        public_greeting: 'text',
        key_dates: 'jsonb',
        next_follow_up_at: 'timestamptz',
        created_by: 'uuid',
        created_at: 'timestamptz',
      },
      world.clients.map((c, n) => ({
        id: c.id,
        organization_id: c.organizationId,
        first_name: c.firstName,
        last_name: c.lastName,
        preferred_name: c.preferredName,
        date_of_birth: c.dateOfBirth,
        status: c.status,
        intake_date: c.intakeDate,
        assigned_case_manager_id: c.caseManagerId,
        search_name: searchNameOf(c.firstName, c.lastName, c.preferredName),
        sort_key: sortKeyOf(c.firstName, c.lastName),
        folded_first: foldName(c.firstName),
        folded_last: foldName(c.lastName),
        contact_method: n % 4 === 3 ? 'EMAIL' : n % 4 === 2 ? 'TEXT' : 'PHONE',
        contact_phone: `902-555-${String(100 + (n % 900)).padStart(4, '0')}`,
        voicemail_allowed: n % 3 !== 0,
        public_greeting: n % 5 === 0 ? 'A wave is fine; please do not mention the program.' : null,
        key_dates: c.status === 'CLOSED' ? [] : keyDatesFor(n, day),
        next_follow_up_at: c.status === 'CLOSED' ? null : day(n % 4 === 0 ? -(1 + (n % 6)) : 3 + (n % 20)),
        created_by: c.caseManagerId,
        created_at: `${c.intakeDate}T14:00:00Z`,
      })),
    );
    // Eligibility determined for every client past intake (and for some still in it).
    await insertRows(
      tx,
      'eligibility_determination',
      {
        id: 'uuid',
        client_id: 'uuid',
        eligible: 'boolean',
        program: 'text',
        rationale: 'text',
        determined_at: 'timestamptz',
        determined_by: 'uuid',
      },
      world.clients
        .filter((c, n) => c.status !== 'INTAKE' || n % 2 === 0)
        .map((c) => ({
          id: demoId('eligibility', c.id),
          client_id: c.id,
          eligible: true,
          program: DEMO_PROGRAM,
          rationale: 'Unemployed adult resident of the region; meets the program criteria.',
          determined_at: `${c.intakeDate}T16:00:00Z`,
          determined_by: c.caseManagerId,
        })),
    );

    await insertRows(
      tx,
      'case_event',
      {
        id: 'uuid',
        client_id: 'uuid',
        kind: 'text',
        from_status: 'text',
        to_status: 'text',
        at: 'timestamptz',
        actor_id: 'uuid',
        outcome: 'text',
        program: 'text',
        note: 'text',
      },
      [
        ...world.clients.map((c) => ({
          id: demoId('case-event', `${c.id}:opened`),
          client_id: c.id,
          kind: 'OPENED',
          from_status: null,
          to_status: 'INTAKE',
          at: `${c.intakeDate}T14:00:00Z`,
          actor_id: c.caseManagerId,
        })),
        ...world.clients
          .filter((c) => c.status !== 'INTAKE')
          .map((c) => ({
            id: demoId('case-event', `${c.id}:activated`),
            client_id: c.id,
            kind: 'ACTIVATED',
            from_status: 'INTAKE',
            to_status: 'ACTIVE',
            at: `${c.intakeDate}T17:00:00Z`,
            actor_id: c.caseManagerId,
          })),
        ...world.clients
          .filter((c) => c.status === 'CLOSED')
          .map((c) => {
            const closure = closureOf.get(c.id);
            return {
              id: demoId('case-event', `${c.id}:closed`),
              client_id: c.id,
              kind: 'CLOSED',
              from_status: 'ACTIVE',
              to_status: 'CLOSED',
              at: (closure?.at ?? day(-10)).toISOString(),
              actor_id: closure?.closedById ?? c.caseManagerId,
              outcome: closure?.outcome ?? 'OTHER',
              program: closure?.program ?? DEMO_PROGRAM,
              note: closure?.nextSteps ?? null,
            };
          }),
      ],
    );

    const checklist = Object.entries(STANDARD_CHECKLIST).flatMap(([domain, names]) => names.map((name) => ({ domain, name })));
    const assessed = world.clients.filter((c) => c.status !== 'INTAKE');
    const assessments = assessed.map((c, n) => {
      const items = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => {
        const { domain, name } = checklist[(n * 7 + k * 5) % checklist.length];
        const rating = k < 1 + (n % 4) ? 'BARRIER' : k % 3 === 0 ? 'NOT_APPLICABLE' : 'ASSET';
        return { domain, name, rating };
      });
      return { key: c.id, client: c, items, at: new Date(new Date(`${c.intakeDate}T18:00:00Z`).getTime() + 7 * DAY) };
    });
    // A follow-up eight weeks on for every second assessed client whose first one is that old: the same
    // characteristics, the first barrier now an asset and, for every sixth, an asset now a barrier (distance travelled).
    const followUps = assessments
      .filter((a, n) => n % 2 === 0 && a.at.getTime() + 56 * DAY < now.getTime() - DAY)
      .map((a, n) => {
        const firstBarrier = a.items.findIndex((i) => i.rating === 'BARRIER');
        const firstAsset = a.items.findIndex((i) => i.rating === 'ASSET');
        const items = a.items.map((item, k) => ({
          ...item,
          rating: k === firstBarrier ? 'ASSET' : k === firstAsset && n % 3 === 0 ? 'BARRIER' : item.rating,
        }));
        return { key: `${a.client.id}:follow-up`, client: a.client, items, at: new Date(a.at.getTime() + 56 * DAY) };
      });
    assessments.push(...followUps);
    await insertRows(
      tx,
      'needs_assessment',
      {
        id: 'uuid',
        client_id: 'uuid',
        assessed_at: 'timestamptz',
        assessed_by: 'uuid',
        summary: 'text',
        barrier_count: 'int',
        asset_count: 'int',
      },
      assessments.map((a) => ({
        id: demoId('assessment', a.key),
        client_id: a.client.id,
        assessed_at: a.at.toISOString(),
        assessed_by: a.client.caseManagerId,
        summary:
          a.key === a.client.id
            ? 'Initial needs assessment with the client.'
            : 'Follow-up assessment: went through the checklist again together.',
        barrier_count: a.items.filter((i) => i.rating === 'BARRIER').length,
        asset_count: a.items.filter((i) => i.rating === 'ASSET').length,
      })),
    );
    await insertRows(
      tx,
      'assessment_item',
      {
        id: 'uuid',
        assessment_id: 'uuid',
        position: 'int',
        domain: 'text',
        characteristic: 'text',
        rating: 'text',
        plan_how: 'text',
        plan_by_when: 'date',
        plan_who_helps: 'text',
      },
      assessments.flatMap((a) =>
        a.items.map((item, k) => ({
          id: demoId('assessment-item', `${a.key}:${k}`),
          assessment_id: demoId('assessment', a.key),
          position: k,
          domain: item.domain,
          characteristic: item.name,
          rating: item.rating,
          plan_how: item.rating === 'BARRIER' ? `Work on ${item.name.toLowerCase()} with weekly check-ins` : null,
          plan_by_when: item.rating === 'BARRIER' ? isoDate(day(30 + k * 7)) : null,
          plan_who_helps: item.rating === 'BARRIER' ? 'Case manager and a community volunteer' : null,
        })),
      ),
    );

    // Notes: a few per open client; casey's first client also has a sensitive note and an amended one.
    const notes: Array<Record<string, unknown>> = [];
    open.forEach((c, n) => {
      const count = n % 5 === 0 ? 0 : 1 + (n % 3);
      for (let k = 0; k < count; k += 1) {
        const at = day(-(k * 12 + (n % 9) + (n % 7 === 0 ? 25 : 1)));
        notes.push({
          id: demoId('note', `${c.id}:${k}`),
          client_id: c.id,
          author_id: c.caseManagerId,
          occurred_at: at.toISOString(),
          contact_type: ['PHONE', 'IN_PERSON', 'EMAIL', 'VIDEO'][k % 4],
          body: [
            'Discussed the job search plan and next steps.',
            'Reviewed progress on the action plan.',
            'Client called about transportation to interviews.',
          ][k % 3],
          sensitive: false,
          amends_id: null,
          created_at: at.toISOString(),
        });
      }
    });
    const first = world.clients.find((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE');
    if (first) {
      const base = { client_id: first.id, author_id: casey.id, contact_type: 'IN_PERSON', amends_id: null };
      notes.push({
        ...base,
        id: demoId('note', `${first.id}:sensitive`),
        occurred_at: day(-2).toISOString(),
        created_at: day(-2).toISOString(),
        sensitive: true,
        body: 'Client disclosed a health matter affecting work hours; shared only with the supervisor.',
      });
      notes.push({
        ...base,
        id: demoId('note', `${first.id}:original`),
        occurred_at: day(-6).toISOString(),
        created_at: day(-6).toISOString(),
        sensitive: false,
        body: 'Interview booked for Tuesday at the warehouse.',
      });
      notes.push({
        ...base,
        id: demoId('note', `${first.id}:amendment`),
        occurred_at: day(-6).toISOString(),
        created_at: day(-5).toISOString(),
        sensitive: false,
        amends_id: demoId('note', `${first.id}:original`),
        body: 'Correction: the interview is on Wednesday, not Tuesday.',
      });
    }
    await insertRows(
      tx,
      'case_note',
      {
        id: 'uuid',
        client_id: 'uuid',
        author_id: 'uuid',
        occurred_at: 'timestamptz',
        contact_type: 'text',
        body: 'text',
        sensitive: 'boolean',
        amends_id: 'uuid',
        created_at: 'timestamptz',
      },
      notes,
    );
    await tx.query(`UPDATE clients.client c SET last_note_at = m.at FROM (SELECT client_id, max(occurred_at) AS at FROM clients.case_note GROUP BY client_id) m
                     WHERE m.client_id = c.id AND (c.last_note_at IS NULL OR c.last_note_at < m.at)`);

    // Consents to the partner each referral goes to: most active, some expired, some revoked, so that partner views differ.
    await insertRows(
      tx,
      'consent',
      {
        id: 'uuid',
        client_id: 'uuid',
        recipient_organization_id: 'uuid',
        scope: 'text[]',
        purpose: 'text',
        signed_at: 'timestamptz',
        expires_at: 'timestamptz',
        revoked_at: 'timestamptz',
        recorded_by: 'uuid',
      },
      world.referrals.map((r, i) => {
        const kind = i % 6 === 4 ? 'expired' : i % 6 === 5 ? 'revoked' : 'active';
        const signedAt = new Date(now.getTime() - (kind === 'expired' ? 120 : 30) * DAY);
        return {
          id: demoId('consent', r.id),
          client_id: r.clientId,
          recipient_organization_id: r.organizationId,
          scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
          purpose: 'Referral for support services',
          signed_at: signedAt.toISOString(),
          expires_at: new Date(signedAt.getTime() + 91 * DAY).toISOString(),
          revoked_at: kind === 'revoked' ? new Date(now.getTime() - 2 * DAY).toISOString() : null,
          recorded_by: r.referredById,
        };
      }),
    );

    await seedAppointments(tx, world);
    await seedCaseTeam(tx, world, day(-14));
    await seedProfiles(tx, world);
    await seedDocuments(tx, world);

    await recomputePriorities(
      tx,
      open.map((c) => c.id),
      now,
    );
  });
}

function keyDatesFor(n: number, day: (offset: number) => Date): Array<{ label: string; date: string }> {
  if (n % 3 === 0) return [{ label: 'EI claim ends', date: isoDate(day(2 + (n % 27))) }];
  if (n % 3 === 1) return [{ label: 'Lease renewal', date: isoDate(day(20 + (n % 40))) }];
  return [];
}
