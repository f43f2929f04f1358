/** Choosing an organization of the directory (the recipient of a consent), found by its name (`organizations(search)`). */
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { FindOrganizationsDocument } from '../../graphql/generated';
import { ErrorNotice } from '../../ui/feedback';

export interface OrganizationChoice {
  id: string;
  name: string;
}

export function OrganizationPicker({
  value,
  onChange,
  error,
  suggestions = [],
}: {
  value: OrganizationChoice | null;
  onChange(org: OrganizationChoice | null): void;
  error?: string;
  suggestions?: OrganizationChoice[];
}) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [result] = useQuery({ query: FindOrganizationsDocument, variables: { text: query }, pause: !query });
  const id = useId();
  const found: OrganizationChoice[] = (result.data?.organizations.edges ?? []).map((e) => ({ id: e.node.id, name: e.node.name }));
  const more = (result.data?.organizations.totalCount ?? 0) - found.length;
  const options = [...suggestions.filter((s) => !found.some((f) => f.id === s.id)), ...found];
  if (value && !options.some((o) => o.id === value.id)) options.unshift(value);
  return (
    <fieldset className="field org-picker" data-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        Recipient organization<span className="required"> (required)</span>
      </legend>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-search`}>Find in the directory</label>
          <input
            id={`${id}-search`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                setQuery(text.trim());
              }
            }}
          />
        </div>
        <button type="button" className="button secondary" onClick={() => setQuery(text.trim())}>
          Find
        </button>
      </div>
      {result.error ? <ErrorNotice error={result.error} what="the directory" /> : null}
      {query && result.data && !found.length ? <p className="muted">No organization found for “{query}”.</p> : null}
      {query && more > 0 ? (
        <p className="muted">
          {more} more match “{query}”: add a word to narrow the list.
        </p>
      ) : null}
      {options.length ? (
        <div className="choice-list">
          {options.map((o) => (
            <label key={o.id} className="choice">
              <input type="radio" name={`${id}-org`} checked={value?.id === o.id} onChange={() => onChange(o)} />
              {o.name}
            </label>
          ))}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
