/**
 * Closures (supervisors and admins): the agency setting "closures need a
 * supervisor's approval", and, for supervisors, the queue of their agency's
 * closure requests (oldest pending first) with Approve / Reject and a note.
 * The API refuses a supervisor's own request and another agency's; the
 * refusal is shown beside the request.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { messageOf } from '../../api/errors';
import { Link } from '../../app/router';
import { useAgencyZone, useMe } from '../../app/session';
import {
  AgencyClosureSettingDocument,
  type ApprovalDecision,
  type ApprovalStatus,
  ClosureQueueDocument,
  type ClosureQueueQuery,
  DecideClosureDocument,
  SetClosureNeedsApprovalDocument,
} from '../../graphql/generated';
import { label, plural } from '../../lib/labels';
import { maxLength } from '../../lib/validation';
import { formatDateTimeIn } from '../../lib/zone';
import { Badge } from '../../ui/badges';
import { Empty, QueryView, Success } from '../../ui/feedback';
import { CheckboxField, SelectField, TextArea } from '../../ui/fields';
import { Page, Section } from '../../ui/page';
import { Pager } from '../../ui/pager';

const PAGE_SIZE = 20;
const STATUS_FILTERS: Array<{ value: string; label: string; status: ApprovalStatus[] | null }> = [
  { value: 'PENDING', label: 'Pending', status: ['PENDING'] },
  { value: 'APPROVED', label: 'Approved', status: ['APPROVED'] },
  { value: 'REJECTED', label: 'Rejected', status: ['REJECTED'] },
  { value: 'WITHDRAWN', label: 'Withdrawn', status: ['WITHDRAWN'] },
  { value: 'ALL', label: 'All', status: null },
];
const CLOSURE_CONTEXT = { additionalTypenames: ['ClosureRequest'] };

type Request = ClosureQueueQuery['closureRequests']['edges'][number]['node'];

export function ClosuresPage() {
  const me = useMe();
  return (
    <Page title="Closures" subtitle="Case closures that wait for a supervisor's approval, and whether the agency asks for it.">
      <ClosureSetting />
      {me.role === 'SUPERVISOR' ? <ClosureQueue /> : null}
    </Page>
  );
}

function ClosureSetting() {
  const [result, refetch] = useQuery({ query: AgencyClosureSettingDocument });
  const [saving, save] = useMutation(SetClosureNeedsApprovalDocument);
  const [notice, setNotice] = useState<string | null>(null);
  // What the person chose, shown at once and kept once saved; the server's value again if it refuses.
  const [chosen, setChosen] = useState<boolean | null>(null);
  return (
    <Section title="Agency setting">
      <QueryView result={result} what="the agency's settings" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => {
          const org = data.me.organization;
          if (!org) return <p>You belong to no agency.</p>;
          const on = chosen ?? org.closureNeedsApproval === true;
          return (
            <>
              {notice ? <Success>{notice}</Success> : null}
              <CheckboxField
                name="closureNeedsApproval"
                label={`Case managers of ${org.name} need a supervisor's approval to close a case`}
                hint="When on, a case manager requests the closure with a rationale and a supervisor approves or rejects it; supervisors still close cases themselves."
                checked={on}
                onChange={(required) => {
                  setChosen(required);
                  setNotice(null);
                  void save({ organizationId: org.id, required }).then((r) => {
                    if (r.error) {
                      setChosen(null);
                      return;
                    }
                    setNotice(required ? 'Closures now need a supervisor’s approval.' : 'Case managers close cases themselves again.');
                  });
                }}
              />
              {saving.fetching ? <p className="small muted">Saving…</p> : null}
              {saving.error ? (
                <p className="field-error" role="alert">
                  {messageOf(saving.error)}
                </p>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

function ClosureQueue() {
  const [filter, setFilter] = useState('PENDING');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [notice, setNotice] = useState<string | null>(null);
  const status = STATUS_FILTERS.find((f) => f.value === filter)?.status ?? null;
  const [result, refetch] = useQuery({
    query: ClosureQueueDocument,
    variables: { status, first: PAGE_SIZE, after: cursors[cursors.length - 1] },
    context: CLOSURE_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Section title="Closure requests">
      <div className="inline-form">
        <SelectField
          name="closureStatus"
          label="Show"
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setCursors([null]);
          }}
          options={STATUS_FILTERS.map((f) => ({ value: f.value, label: f.label }))}
        />
      </div>
      {notice ? <Success>{notice}</Success> : null}
      <QueryView result={result} what="the closure requests" retry={refresh}>
        {(data) => {
          const conn = data.closureRequests;
          return (
            <>
              <p className="small">{plural(conn.totalCount, 'request')}, oldest first.</p>
              {conn.edges.length === 0 ? (
                <Empty>{filter === 'PENDING' ? 'No closure waits for a decision.' : 'No closure request here.'}</Empty>
              ) : (
                <ol className="plain closure-queue">
                  {conn.edges.map((e) => (
                    <RequestItem
                      key={e.node.id}
                      request={e.node}
                      onDecided={(text) => {
                        setNotice(text);
                        refresh();
                      }}
                    />
                  ))}
                </ol>
              )}
              <Pager
                page={cursors.length}
                hasPrevious={cursors.length > 1}
                hasNext={conn.pageInfo.hasNextPage}
                onPrevious={() => setCursors(cursors.slice(0, -1))}
                onNext={() => setCursors([...cursors, conn.pageInfo.endCursor ?? null])}
                total={conn.totalCount}
                pageSize={PAGE_SIZE}
                shown={conn.edges.length}
                label="closure requests"
              />
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

function RequestItem({ request: r, onDecided }: { request: Request; onDecided(text: string): void }) {
  const zone = useAgencyZone();
  const me = useMe();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [result, decide] = useMutation(DecideClosureDocument);
  const name = r.client?.displayName ?? 'A client you can no longer see';
  const send = (decision: ApprovalDecision) => {
    const problem = maxLength(note, 2000);
    setNoteError(problem);
    if (problem) return;
    void decide({ requestId: r.id, decision, note: note.trim() || null }).then((x) => {
      if (x.error) return;
      onDecided(
        decision === 'APPROVE'
          ? `The closure of ${name} was approved; the case is closed.`
          : `The closure of ${name} was rejected; the case stays open.`,
      );
    });
  };
  return (
    <li className="card closure-item" aria-label={`Closure of ${name}`}>
      <h3>
        {r.client ? <Link to={`/clients/${r.client.id}`}>{name}</Link> : name} <Badge value={r.status} />
      </h3>
      <p className="small">
        Requested by {r.requestedBy.displayName} on {formatDateTimeIn(r.requestedAt, zone)}
        {r.client?.assignedCaseManager ? ` · case manager ${r.client.assignedCaseManager.displayName}` : ''}
      </p>
      <p>
        <strong>Outcome:</strong> {label(r.outcome)}
      </p>
      <p>
        <strong>Rationale:</strong> {r.rationale}
      </p>
      {r.nextSteps ? (
        <p>
          <strong>Next steps:</strong> {r.nextSteps}
        </p>
      ) : null}
      {r.decidedBy && r.decidedAt ? (
        <p className="small">
          {label(r.status)} by {r.decidedBy.displayName} on {formatDateTimeIn(r.decidedAt, zone)}
          {r.decisionNote ? `: ${r.decisionNote}` : ''}
        </p>
      ) : null}
      {r.status === 'PENDING' ? (
        r.requestedBy.id === me.id ? (
          <p className="muted small">You asked for this closure: another supervisor of the agency decides it.</p>
        ) : (
          <div className="form decide">
            <TextArea
              name={`note-${r.id}`}
              label="Note"
              hint="Optional; the case manager reads it."
              rows={2}
              value={note}
              onChange={setNote}
              error={noteError}
            />
            <div className="button-row">
              <button type="button" className="button primary" disabled={result.fetching} onClick={() => send('APPROVE')}>
                Approve<span className="visually-hidden"> the closure of {name}</span>
              </button>
              <button type="button" className="button secondary" disabled={result.fetching} onClick={() => send('REJECT')}>
                Reject<span className="visually-hidden"> the closure of {name}</span>
              </button>
            </div>
            {result.error ? (
              <p className="notice error" role="alert">
                {messageOf(result.error)}
              </p>
            ) : null}
          </div>
        )
      ) : null}
    </li>
  );
}
