/**
 * One client's file. The header comes from the profile; each part below
 * (home and household, assessment, distance travelled, plan, notes, consents, referrals, appointments,
 * documents, case team) loads on its own, so that a part whose service is down says so
 * while the others work. Supervisors also reach the client's audit trail from here,
 * and export the record as a FHIR Bundle.
 */
import { useQuery } from 'urql';
import { Link, useRouter } from '../../app/router';
import { useMe } from '../../app/session';
import { ClientProfileDocument } from '../../graphql/generated';
import { label } from '../../lib/labels';
import { withQuery } from '../../lib/routes';
import { Badge, PriorityBadge } from '../../ui/badges';
import { mainCode } from '../../api/errors';
import { Loading, QueryView } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { AppointmentsPart } from './AppointmentsPart';
import { AssessmentPart } from './AssessmentPart';
import { ConsentsPart } from './ConsentsPart';
import { FhirExportButton } from './FhirExportButton';
import { NotesPart } from './NotesPart';
import { OverviewPart } from './OverviewPart';
import { PlanPart } from './plan/PlanPart';
import { ReferralsPart } from './ReferralsPart';
import { CaseTeamPart } from './record/CaseTeamPart';
import { DistancePart } from './record/DistancePart';
import { DocumentsPart } from './record/DocumentsPart';
import { HomePart } from './record/HomePart';

export const CLIENT_TABS = [
  { key: 'overview', text: 'Overview' },
  { key: 'home', text: 'Home and household' },
  { key: 'assessment', text: 'Assessment' },
  { key: 'distance', text: 'Distance travelled' },
  { key: 'plan', text: 'Action plan' },
  { key: 'notes', text: 'Case notes' },
  { key: 'consents', text: 'Consents' },
  { key: 'referrals', text: 'Referrals' },
  { key: 'appointments', text: 'Appointments' },
  { key: 'documents', text: 'Documents' },
  { key: 'team', text: 'Case team' },
] as const;

export type ClientTab = (typeof CLIENT_TABS)[number]['key'];

export function ClientFilePage({ clientId }: { clientId: string }) {
  const { search } = useRouter();
  const me = useMe();
  const tab = (CLIENT_TABS.find((t) => t.key === search.get('tab'))?.key ?? 'overview') as ClientTab;
  const [profile, refetch] = useQuery({ query: ClientProfileDocument, variables: { id: clientId } });
  const client = profile.data?.client;
  // Refused or missing: one clear sentence, and none of the parts (their forms would only be refused in turn).
  const refusal = !client && profile.error ? mainCode(profile.error) : null;
  if (refusal === 'FORBIDDEN' || refusal === 'NOT_FOUND' || (profile.data && !client && !profile.error)) {
    const forbidden = refusal === 'FORBIDDEN';
    return (
      <Page title={forbidden ? "You may not see this client's record" : 'Client not found'}>
        <p>
          {forbidden
            ? 'This client is not in your caseload and you are not on their case team; a supervisor can add you to the team if you need to work with them.'
            : 'No client has this id, or it was removed.'}{' '}
          <Link to="/caseload">Back to the caseload</Link>
        </p>
      </Page>
    );
  }
  // The parts wait for the profile, so that a refusal never shows their forms first.
  if (!profile.data && !profile.error) {
    return (
      <Page title="Client file">
        <Loading label="Loading the client's profile" />
      </Page>
    );
  }
  const title = client ? client.displayName : 'Client file';
  return (
    <Page
      title={title}
      subtitle={
        client ? (
          <span className="client-meta">
            <Badge value={client.status} /> <PriorityBadge level={client.priority.level} score={client.priority.score} /> Case manager:{' '}
            {client.assignedCaseManager?.displayName ?? 'unassigned'}
          </span>
        ) : null
      }
      actions={
        client ? (
          <>
            {me.role === 'SUPERVISOR' ? (
              <Link to={`/clients/${clientId}/audit`} className="button secondary">
                Audit trail
              </Link>
            ) : null}
            {me.role === 'SUPERVISOR' ? <FhirExportButton clientId={clientId} displayName={client.displayName} /> : null}
            {client.status !== 'CLOSED' ? (
              <Link to={`/clients/${clientId}/refer`} className="button primary">
                Refer to a service
              </Link>
            ) : null}
          </>
        ) : null
      }
    >
      <nav className="tabs" aria-label="Parts of the client file">
        <ul>
          {CLIENT_TABS.map((t) => (
            <li key={t.key}>
              <Link
                to={withQuery(`/clients/${clientId}`, { tab: t.key === 'overview' ? null : t.key })}
                aria-current={t.key === tab ? 'page' : undefined}
              >
                {t.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="tab-panel">
        {tab === 'overview' ? (
          <QueryView result={profile} what="the client's profile" retry={() => refetch({ requestPolicy: 'network-only' })}>
            {(data) =>
              data.client ? (
                <OverviewPart client={data.client} />
              ) : (
                <p>No client has this id, or it was removed. Go back to the caseload.</p>
              )
            }
          </QueryView>
        ) : null}
        {tab === 'assessment' ? <AssessmentPart clientId={clientId} /> : null}
        {tab === 'distance' ? <DistancePart clientId={clientId} /> : null}
        {tab === 'plan' ? <PlanPart clientId={clientId} /> : null}
        {tab === 'notes' ? <NotesPart clientId={clientId} /> : null}
        {tab === 'consents' ? <ConsentsPart clientId={clientId} clientName={client?.displayName ?? 'the client'} /> : null}
        {tab === 'referrals' ? <ReferralsPart clientId={clientId} /> : null}
        {tab === 'appointments' ? <AppointmentsPart clientId={clientId} /> : null}
        {tab === 'home' ? <HomePart clientId={clientId} /> : null}
        {tab === 'documents' ? <DocumentsPart clientId={clientId} /> : null}
        {tab === 'team' ? <CaseTeamPart clientId={clientId} /> : null}
      </div>
      {client?.status === 'CLOSED' && client.closure ? (
        <p className="notice muted">
          Case closed ({label(client.closure.outcome)}). {client.closure.nextSteps ?? ''}
        </p>
      ) : null}
    </Page>
  );
}
