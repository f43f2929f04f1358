/**
 * GET /internal/fhir/Patient/<clientId>/$everything — the FHIR R4 export of
 * a client's whole record, passed on by the gateway from
 * `GET /fhir/Patient/<clientId>/$everything`. The access rule is that of the
 * whole record (the one access rule's write grant, as for a document
 * download): the assigned case manager, a current case-team member, the
 * agency's supervisors. Analysts, admins and partners never export (403, for
 * any id); a case manager or supervisor without the record gets the same 404
 * as for a client that does not exist. A malformed id is 400 naming
 * `clientId`. The plans and referrals subgraphs are asked for goals and
 * referrals under their own rules; if either cannot answer, 503 and no
 * Bundle. The export is audited (a READ of the Client, detail naming the
 * export and what it held) before the first byte is sent: when the event
 * cannot be written, 503.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@caseflow/audit';
import { type Actor, FHIR_JSON, FHIR_PATH, type InternalIdentity } from '@caseflow/auth';
import { AppError, badInput, forbidden, isUuid, type Logger } from '@caseflow/core';
import type { InternalStreamRoute } from '@caseflow/federation';
import { decideGrants } from '../access/access.route';
import { assessmentItemsOf, assessmentsByClients } from '../assessment/assessment.sql';
import { clientsByIds } from '../client/client.sql';
import { consentsByClients } from '../consent/consent.sql';
import { drain, sendFailure } from '../document/document.http';
import { type FhirAssessment, toBundle } from './fhir.mapper';
import { type FhirPeers, fetchPeerRecord } from './fhir.peers';

const PATIENT_EVERYTHING = new RegExp(`^${FHIR_PATH}/Patient/([^/]+)/\\$everything$`);
const NOT_FOUND = new AppError('NOT_FOUND', 'There is no client at this address that you may export');

/** The roles that may ever hold a whole client record. */
const mayExport = (actor: Actor) => actor.role === 'CASE_MANAGER' || actor.role === 'SUPERVISOR';

export function fhirRoute(dataSource: DataSource, peers: FhirPeers, internalSecret: string, logger?: Logger): InternalStreamRoute {
  return async (request, response, url, caller) => {
    await drain(request);
    const id = PATIENT_EVERYTHING.exec(url.pathname)?.[1];
    if (request.method !== 'GET' || id === undefined) {
      return sendFailure(response, new AppError('NOT_FOUND', 'There is nothing at this path'), caller.requestId);
    }
    try {
      await exportPatient(dataSource, peers, internalSecret, decodeURIComponent(id), response, caller, logger);
    } catch (error) {
      if (response.headersSent) return void response.destroy();
      sendFailure(response, error, caller.requestId);
    }
  };
}

async function exportPatient(
  dataSource: DataSource,
  peers: FhirPeers,
  internalSecret: string,
  clientId: string,
  response: ServerResponse,
  caller: InternalIdentity & { token: string },
  logger?: Logger,
): Promise<void> {
  if (!isUuid(clientId)) throw badInput('clientId', 'must be a client id (a UUID)');
  const id = clientId.toLowerCase();
  const audit = new AuditTrail('clients', caller.actor, caller.requestId);
  const denied = () =>
    audit
      .write(dataSource.manager, {
        action: 'READ',
        entityType: 'Client',
        entityId: id,
        clientId: id,
        outcome: 'DENIED',
        detail: 'FHIR export',
      })
      .catch(() => undefined);
  const [grant] = await decideGrants(dataSource, caller.actor, [id]);
  if (!mayExport(caller.actor)) {
    if (grant.exists) await denied();
    throw forbidden('Only a case manager or supervisor with the whole record may export it');
  }
  if (!grant.exists || !grant.write) {
    if (grant.exists) await denied();
    throw NOT_FOUND;
  }

  const [[client], assessments, consents, fromPeers] = await Promise.all([
    clientsByIds(dataSource, [id]),
    assessmentsByClients(dataSource, [id]),
    consentsByClients(dataSource, [id]),
    fetchPeerRecord(peers, caller, grant, internalSecret),
  ]);
  if (!client) throw NOT_FOUND;
  const items = assessments.length
    ? await assessmentItemsOf(
        dataSource,
        assessments.map((a) => a.id),
      )
    : [];
  const withItems: FhirAssessment[] = assessments.map((a) => ({
    id: a.id,
    assessedAt: a.assessedAt,
    items: items.filter((i) => i.assessmentId === a.id),
  }));
  const bundle = toBundle({
    client,
    assessments: withItems,
    consents,
    goals: fromPeers.goals,
    referrals: fromPeers.referrals,
    bundleId: randomUUID(),
    now: new Date(),
  });
  const count = (type: string) => bundle.entry?.filter((e) => e.resource?.resourceType === type).length ?? 0;
  const detail =
    `FHIR export: Patient, ${count('Condition')} Condition, ${count('Goal')} Goal, ` +
    `${count('ServiceRequest')} ServiceRequest, ${count('Task')} Task, ${count('Consent')} Consent`;
  try {
    await audit.write(dataSource.manager, { action: 'READ', entityType: 'Client', entityId: id, clientId: id, detail });
  } catch (error) {
    logger?.error('FHIR export not audited', { requestId: caller.requestId });
    throw error instanceof AppError
      ? new AppError('UNAVAILABLE', 'This export could not be recorded in the audit trail, so it is refused; retry later')
      : error;
  }
  const text = JSON.stringify(bundle);
  response.writeHead(200, {
    'content-type': `${FHIR_JSON}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
    'content-disposition': `attachment; filename="patient-${id}.fhir.json"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(text);
}
