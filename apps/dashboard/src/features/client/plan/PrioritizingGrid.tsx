/**
 * The pairwise prioritizing grid: up to ten needs, every pair compared once
 * ("which matters more to you now?"), ranked by wins with ties kept in the
 * order given. The ranking shows as the choices are made; the server's is
 * the one kept. Ranking again starts from the last ranking, its pairs already
 * decided; the prompt for an undecided pair follows the choices and goes once
 * every pair is decided.
 */
import { useMutation } from 'urql';
import { RankPrioritiesDocument } from '../../../graphql/generated';
import { MAX_ITEMS, allPairs, cleanItems, comparePrompt, fromRanking, itemsProblem, pairKey, rank, toChoices } from '../../../lib/pairwise';
import { FormProblems, SubmitButton, TextField } from '../../../ui/fields';
import { useFormSubmit, without } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';

interface GridDraft {
  items: string[];
  choices: Record<string, number>;
}

export function PrioritizingGridForm({
  clientId,
  suggestions,
  last,
  onDone,
}: {
  clientId: string;
  suggestions: string[];
  /** The client's last ranking, if any: a new grid starts from it. */
  last?: ReadonlyArray<{ item: string; rank: number }> | null;
  onDone(): void;
}) {
  const [draft, setDraft, clear] = useDraft<GridDraft>(`grid.${clientId}`, () =>
    last && last.length >= 2
      ? fromRanking(last.slice(0, MAX_ITEMS))
      : { items: suggestions.length >= 2 ? suggestions.slice(0, MAX_ITEMS) : ['', '', ''], choices: {} },
  );
  const items = cleanItems(draft.items);
  const problem = itemsProblem(items);
  const pairs = problem ? [] : allPairs(items.length);
  const decided = pairs.filter(([a, b]) => draft.choices[pairKey(a, b)] !== undefined).length;
  const [, rankPriorities] = useMutation(RankPrioritiesDocument);
  const form = useFormSubmit({
    fields: (name) => name === 'items' || name === 'choices' || /^choices\[\d+\]$/.test(name),
    validate: () => {
      if (problem) return { items: problem };
      const choices = toChoices(items.length, draft.choices);
      return 'missing' in choices ? { choices: comparePrompt(items, choices.missing) } : {};
    },
    send: () => {
      const choices = toChoices(items.length, draft.choices);
      return rankPriorities({ input: { clientId, items, choices: 'choices' in choices ? choices.choices : [] } });
    },
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  const setItems = (next: string[]) => {
    setDraft({ items: next, choices: {} });
    form.setErrors((e) => without(without(e, 'items'), 'choices'));
  };
  const setItem = (i: number, value: string) => setItems(draft.items.map((x, j) => (j === i ? value : x)));
  // A choice updates the prompt to the next undecided pair, or takes it away once every pair is decided.
  const choose = (key: string, winner: number) => {
    const choices = { ...draft.choices, [key]: winner };
    setDraft({ ...draft, choices });
    form.setErrors((e) => {
      if (!e.choices) return e;
      const left = toChoices(items.length, choices);
      return 'missing' in left ? { ...e, choices: comparePrompt(items, left.missing) } : without(e, 'choices');
    });
  };
  return (
    <form onSubmit={form.submit} noValidate className="form grid-form">
      <FormProblems message={form.formError ?? Object.values(form.errors)[0]} />
      <fieldset>
        <legend>Needs to compare (2 to {MAX_ITEMS})</legend>
        <p className="hint">Changing a need starts the comparisons again.</p>
        {draft.items.map((item, i) => (
          <div key={i} className="row-fields">
            <TextField name={`need-${i}`} label={`Need ${i + 1}`} value={item} onChange={(v) => setItem(i, v)} />
            <button type="button" className="button link" onClick={() => setItems(draft.items.filter((_, j) => j !== i))}>
              Remove need {i + 1}
            </button>
          </div>
        ))}
        {draft.items.length < MAX_ITEMS ? (
          <button type="button" className="button secondary small" onClick={() => setItems([...draft.items, ''])}>
            Add a need
          </button>
        ) : null}
      </fieldset>
      {problem ? (
        <p className="hint">{problem}</p>
      ) : (
        <fieldset className="pairs">
          <legend>
            Which matters more now? ({decided} of {pairs.length} compared)
          </legend>
          {pairs.map(([a, b], n) => {
            const key = pairKey(a, b);
            return (
              <fieldset key={key} className="pair">
                <legend className="visually-hidden">
                  Comparison {n + 1}: {items[a]} or {items[b]}
                </legend>
                {[a, b].map((winner) => (
                  <label key={winner} className={`choice pair-choice ${draft.choices[key] === winner ? 'chosen' : ''}`}>
                    <input type="radio" name={`pair-${key}`} checked={draft.choices[key] === winner} onChange={() => choose(key, winner)} />
                    {items[winner]}
                  </label>
                ))}
              </fieldset>
            );
          })}
        </fieldset>
      )}
      {!problem ? (
        <div className="ranking-preview" aria-live="polite">
          <h4>Ranking so far</h4>
          <ol>
            {rank(items, draft.choices).map((r) => (
              <li key={r.item}>
                {r.item}{' '}
                <span className="muted small">
                  ({r.wins} {r.wins === 1 ? 'win' : 'wins'})
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <SubmitButton busy={form.busy}>Save the ranking</SubmitButton>
    </form>
  );
}
