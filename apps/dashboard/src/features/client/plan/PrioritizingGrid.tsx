/**
 * The pairwise prioritizing grid: up to ten needs, every pair compared once
 * ("which matters more to you now?"), ranked by wins with ties kept in the
 * order given. The ranking shows as the choices are made; the server's is
 * the one kept.
 */
import { useMutation } from 'urql';
import { RankPrioritiesDocument } from '../../../graphql/generated';
import { MAX_ITEMS, allPairs, cleanItems, itemsProblem, pairKey, rank, toChoices } from '../../../lib/pairwise';
import { FormProblems, SubmitButton, TextField } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';

interface GridDraft {
  items: string[];
  choices: Record<string, number>;
}

export function PrioritizingGridForm({ clientId, suggestions, onDone }: { clientId: string; suggestions: string[]; onDone(): void }) {
  const [draft, setDraft, clear] = useDraft<GridDraft>(`grid.${clientId}`, () => ({
    items: suggestions.length >= 2 ? suggestions.slice(0, MAX_ITEMS) : ['', '', ''],
    choices: {},
  }));
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
      return 'missing' in choices ? { choices: `Compare “${items[choices.missing[0]]}” with “${items[choices.missing[1]]}”.` } : {};
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
  const setItem = (i: number, value: string) => setDraft({ items: draft.items.map((x, j) => (j === i ? value : x)), choices: {} });
  return (
    <form onSubmit={form.submit} noValidate className="form grid-form">
      <FormProblems message={form.formError ?? Object.values(form.errors)[0]} />
      <fieldset>
        <legend>Needs to compare (2 to {MAX_ITEMS})</legend>
        <p className="hint">Changing a need starts the comparisons again.</p>
        {draft.items.map((item, i) => (
          <div key={i} className="row-fields">
            <TextField name={`need-${i}`} label={`Need ${i + 1}`} value={item} onChange={(v) => setItem(i, v)} />
            <button
              type="button"
              className="button link"
              onClick={() => setDraft({ items: draft.items.filter((_, j) => j !== i), choices: {} })}
            >
              Remove need {i + 1}
            </button>
          </div>
        ))}
        {draft.items.length < MAX_ITEMS ? (
          <button type="button" className="button secondary small" onClick={() => setDraft({ items: [...draft.items, ''], choices: {} })}>
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
                    <input
                      type="radio"
                      name={`pair-${key}`}
                      checked={draft.choices[key] === winner}
                      onChange={() => setDraft({ ...draft, choices: { ...draft.choices, [key]: winner } })}
                    />
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
