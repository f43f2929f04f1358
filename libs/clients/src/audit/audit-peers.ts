/** Where the audit trail asks the plans and referrals subgraphs for their part of a client's history. */
export interface AuditPeers {
  plansUrl?: string;
  referralsUrl?: string;
  timeoutMs?: number;
}
