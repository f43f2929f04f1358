/** The consent's hand-written reads: a client's consents and Consent references, as prepared reads. */
import type { DataSource } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { ConsentEntity } from './consent.entity';

/** A consent row shaped as the entity (a plain object), for the mapper and the partner's view. */
export type ConsentRow = { [K in keyof ConsentEntity]: ConsentEntity[K] };

/** Every column of clients.consent under its entity property name; the scope as the text[] it is stored as. */
const CONSENT_COLUMNS = `c.id, c.client_id AS "clientId", c.recipient_organization_id AS "recipientOrganizationId", c.scope, c.purpose,
       c.signed_at AS "signedAt", c.expires_at AS "expiresAt", c.revoked_at AS "revokedAt", c.witness, c.recorded_by AS "recordedBy",
       c.created_at AS "createdAt"`;

const CONSENTS_BY_CLIENT = preparedRead<ConsentRow, [string[]]>(
  'clients.consents-by-client',
  `SELECT ${CONSENT_COLUMNS} FROM clients.consent c WHERE c.client_id = ANY($1::uuid[])`,
);

const CONSENTS_BY_ID = preparedRead<ConsentRow, [string[]]>(
  'clients.consents-by-id',
  `SELECT ${CONSENT_COLUMNS} FROM clients.consent c WHERE c.id = ANY($1::uuid[])`,
);

/** The consents of these clients (in no order): a partner's view of a client and the client's consents. */
export const consentsByClients = (dataSource: DataSource, clientIds: readonly string[]) =>
  runPrepared(dataSource, CONSENTS_BY_CLIENT, [[...clientIds]]);

/** The consents of these ids (each at most once, in no order): every Consent reference. */
export const consentsByIds = (dataSource: DataSource, ids: readonly string[]) => runPrepared(dataSource, CONSENTS_BY_ID, [[...ids]]);
