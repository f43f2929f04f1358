/**
 * Outcomes and sign-off on the client file: distance travelled between the
 * first and the latest assessment, by domain; whether a plan waits for the
 * client's agreement; whether closing a case needs a supervisor's approval;
 * the name of a FHIR export.
 */
import type { AssessmentDomain, AssessmentRating, ClosureOutcome, RatingChange } from '../graphql/generated';
import { AssessmentDomainValues } from '../graphql/generated';
import { maxLength } from './validation';

// ── Distance travelled on the client file ───────────────────────────────────

export interface CharacteristicChange {
  domain: AssessmentDomain;
  characteristic: string;
  from: AssessmentRating | null;
  to: AssessmentRating | null;
  change: RatingChange;
}

export interface DistanceDomain {
  domain: AssessmentDomain;
  /** Barrier at the first assessment, asset at the latest. */
  resolved: number;
  /** Asset at the first, barrier at the latest. */
  added: number;
  /** Barriers at the first and the latest assessment (of the characteristics rated in both). */
  barriersBefore: number;
  barriersAfter: number;
  changes: CharacteristicChange[];
}

/** The order a row is shown in within its domain: what moved first, then what stayed, then what cannot be compared. */
const CHANGE_ORDER: Record<RatingChange, number> = {
  BARRIER_TO_ASSET: 0,
  ASSET_TO_BARRIER: 1,
  STILL_BARRIER: 2,
  STILL_ASSET: 3,
  NOT_COMPARABLE: 4,
};

/**
 * The changes grouped by domain, in the checklist's order (domains without a
 * change left out), with each domain's counts. The before/after barrier counts
 * are taken from the API's ratings as given, so a characteristic rated only
 * once counts on its one side.
 */
export function distanceByDomain(changes: readonly CharacteristicChange[]): DistanceDomain[] {
  return AssessmentDomainValues.map((domain) => {
    const mine = changes
      .filter((c) => c.domain === domain)
      .sort((a, b) => CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] || a.characteristic.localeCompare(b.characteristic));
    return {
      domain,
      resolved: mine.filter((c) => c.change === 'BARRIER_TO_ASSET').length,
      added: mine.filter((c) => c.change === 'ASSET_TO_BARRIER').length,
      barriersBefore: mine.filter((c) => c.from === 'BARRIER').length,
      barriersAfter: mine.filter((c) => c.to === 'BARRIER').length,
      changes: mine,
    };
  }).filter((d) => d.changes.length > 0);
}

/** Two assessments are needed to compare; the API gives null for either when there are fewer. */
export function hasComparison(d: { baseline: unknown; latest: unknown }): boolean {
  return Boolean(d.baseline && d.latest);
}

/** The change in words, never by colour alone. */
export function changeText(change: RatingChange): string {
  switch (change) {
    case 'BARRIER_TO_ASSET':
      return 'Barrier resolved';
    case 'ASSET_TO_BARRIER':
      return 'New barrier';
    case 'STILL_BARRIER':
      return 'Still a barrier';
    case 'STILL_ASSET':
      return 'Still an asset';
    default:
      return 'Rated once only';
  }
}

/** "+2" / "−1" / "0": the change of a count, with a true minus sign. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${-n}`;
  return '0';
}

// ── Plan agreement ───────────────────────────────────────────────────────────

export interface AgreementState {
  status: string;
  version: number;
  agreement: { planVersion: number } | null | undefined;
}

/**
 * An active plan waits for the client's agreement until they agree to the
 * version shown. The API clears the agreement on any revision; the version
 * check also covers an answer that still carries an older one.
 */
export function awaitingAgreement(plan: AgreementState | null | undefined): boolean {
  if (!plan || plan.status !== 'ACTIVE') return false;
  return !plan.agreement || plan.agreement.planVersion !== plan.version;
}

// ── Closure approval ─────────────────────────────────────────────────────────

/**
 * How this person ends a case: case managers of an agency that needs
 * approval request the closure (the API refuses their closeCase); everyone
 * else closes it. An unknown setting (null, or the field missing) is taken
 * as off, as the API does.
 */
export function closureMode(role: string, needsApproval: boolean | null | undefined): 'close' | 'request' {
  return role === 'CASE_MANAGER' && needsApproval === true ? 'request' : 'close';
}

export interface ClosureRequestDraft {
  outcome: ClosureOutcome | '';
  nextSteps: string;
  rationale: string;
}

/** What is wrong with a closure request before it is sent (the API's rules: outcome and rationale required, 2000 characters). */
export function closureRequestProblems(draft: ClosureRequestDraft): Record<string, string | undefined> {
  return {
    outcome: draft.outcome ? undefined : 'Choose the outcome.',
    rationale: draft.rationale.trim() ? maxLength(draft.rationale, 2000) : 'Say why the case can close; the supervisor reads it.',
    nextSteps: maxLength(draft.nextSteps, 2000),
  };
}

// ── FHIR export ──────────────────────────────────────────────────────────────

/** `GET /fhir/Patient/<id>/$everything`, the id escaped. */
export function fhirEverythingPath(clientId: string): string {
  return `/fhir/Patient/${encodeURIComponent(clientId)}/$everything`;
}

/** `caseflow-<name>-<date>.fhir.json`, the name reduced to letters, digits and dashes. */
export function fhirFileName(displayName: string, day: string): string {
  const slug = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `caseflow-${slug || 'client'}-${day}.fhir.json`;
}
