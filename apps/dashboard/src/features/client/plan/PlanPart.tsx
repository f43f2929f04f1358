/** The client's action plans (active first), a new plan when there is none, and the prioritizing grids. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { ClientPlansDocument } from '../../../graphql/generated';
import { formatDateTime } from '../../../lib/dates';
import { Disclosure } from '../../../ui/disclosure';
import { Empty, PartMissing, QueryView, Success } from '../../../ui/feedback';
import { useLocalPages } from '../../../ui/hooks';
import { Section } from '../../../ui/page';
import { LocalPager } from '../../../ui/pager';
import { CreatePlanForm } from './GoalForm';
import { type Plan, PlanView } from './PlanView';
import { PrioritizingGridForm } from './PrioritizingGrid';

const ORDER: Record<string, number> = { ACTIVE: 0, DRAFT: 1, COMPLETED: 2, CANCELLED: 3 };
const PLAN_CONTEXT = { additionalTypenames: ['ActionPlan', 'PriorityRanking'] };

export function PlanPart({ clientId }: { clientId: string }) {
  const [result, refetch] = useQuery({ query: ClientPlansDocument, variables: { id: clientId }, context: PLAN_CONTEXT });
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const changed = (text: string) => {
    setNotice({ tone: 'success', text });
    refresh();
  };
  const conflict = () => {
    setNotice({
      tone: 'warning',
      text: 'Someone else changed this plan since you opened it. The latest version is shown now: check it, then make your change again.',
    });
    refresh();
  };
  return (
    <QueryView result={result} what="the action plans" retry={refresh}>
      {(data) => {
        const client = data.client;
        if (!client) return <Empty>No such client.</Empty>;
        const plans = [...(client.actionPlans ?? [])].sort(
          (a, b) => ORDER[a.status] - ORDER[b.status] || b.createdAt.localeCompare(a.createdAt),
        );
        const hasActive = plans.some((p) => p.status === 'ACTIVE');
        return (
          <div className="parts">
            {notice ? (
              notice.tone === 'success' ? (
                <Success>{notice.text}</Success>
              ) : (
                <p className="notice warning" role="alert">
                  {notice.text}
                </p>
              )
            ) : null}
            <Section title="Action plan">
              <PartMissing
                what="the action plans"
                error={result.error}
                path={['client', 'actionPlans']}
                service="plans"
                onRetry={refresh}
              />
              {client.actionPlans && !hasActive ? (
                <Disclosure label="Create a plan" openLabel="Close the new plan">
                  {(close) => (
                    <CreatePlanForm
                      clientId={clientId}
                      onDone={() => {
                        close();
                        changed('The plan was created.');
                      }}
                    />
                  )}
                </Disclosure>
              ) : null}
              {client.actionPlans && plans.length === 0 ? <Empty>No plan yet.</Empty> : null}
              <PlanList plans={plans} onChanged={changed} onConflict={conflict} />
            </Section>
            <Section title="Prioritizing grid">
              <PartMissing
                what="the prioritizing grids"
                error={result.error}
                path={['client', 'priorityRankings']}
                service="plans"
                onRetry={refresh}
              />
              <Rankings rankings={client.priorityRankings ?? []} />
              <Disclosure label="Rank needs with the client" openLabel="Close the grid">
                {(close) => (
                  <PrioritizingGridForm
                    clientId={clientId}
                    suggestions={
                      plans
                        .find((p) => p.status === 'ACTIVE')
                        ?.goals.filter((g) => g.status === 'OPEN')
                        .map((g) => g.description) ?? []
                    }
                    last={latestRanking(client.priorityRankings ?? [])?.items}
                    onDone={() => {
                      close();
                      changed('The ranking was saved.');
                    }}
                  />
                )}
              </Disclosure>
            </Section>
          </div>
        );
      }}
    </QueryView>
  );
}

function PlanList({ plans, onChanged, onConflict }: { plans: Plan[]; onChanged(m: string): void; onConflict(): void }) {
  const current = plans.filter((p) => p.status === 'ACTIVE' || p.status === 'DRAFT');
  const past = plans.filter((p) => p.status !== 'ACTIVE' && p.status !== 'DRAFT');
  const pages = useLocalPages(past, 3);
  return (
    <>
      {current.map((p) => (
        <PlanView key={p.id} plan={p} onChanged={onChanged} onConflict={onConflict} />
      ))}
      {past.length ? (
        <details className="past-plans">
          <summary>Earlier plans ({past.length})</summary>
          {pages.items.map((p) => (
            <PlanView key={p.id} plan={p} onChanged={onChanged} onConflict={onConflict} />
          ))}
          <LocalPager pages={pages} label="earlier plans" />
        </details>
      ) : null}
    </>
  );
}

function Rankings({
  rankings,
}: {
  rankings: Array<{
    id: string;
    createdAt: string;
    createdBy: { displayName: string } | null;
    items: Array<{ item: string; wins: number; rank: number }>;
  }>;
}) {
  const pages = useLocalPages(rankings, 2);
  if (!rankings.length) return <p className="muted">No ranking yet.</p>;
  return (
    <>
      {pages.items.map((r) => (
        <div key={r.id} className="ranking">
          <p className="small">
            Ranked {formatDateTime(r.createdAt)}
            {r.createdBy ? ` by ${r.createdBy.displayName}` : ''}
          </p>
          <ol>
            {r.items.map((i) => (
              <li key={i.item}>
                {i.item}{' '}
                <span className="muted small">
                  ({i.wins} {i.wins === 1 ? 'win' : 'wins'})
                </span>
              </li>
            ))}
          </ol>
        </div>
      ))}
      <LocalPager pages={pages} label="rankings" />
    </>
  );
}

/** The most recent of the client's rankings. */
function latestRanking<T extends { createdAt: string }>(rankings: readonly T[]): T | undefined {
  return [...rankings].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
