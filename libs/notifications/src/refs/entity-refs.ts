/**
 * The other subgraphs' entities a notification links to, by key only: the
 * gateway resolves each in its owning subgraph, whose access-checked
 * `__resolveReference` answers null (without an error) for a reader who may
 * no longer see it. This subgraph stores ids, never what they name.
 */
import { type EntityKey, keyOnlyRefType } from '@caseflow/federation';

export const ClientRef = keyOnlyRefType('Client');
export type ClientRef = EntityKey;

export const ReferralRef = keyOnlyRefType('Referral');
export type ReferralRef = EntityKey;

export const AppointmentRef = keyOnlyRefType('Appointment');
export type AppointmentRef = EntityKey;
