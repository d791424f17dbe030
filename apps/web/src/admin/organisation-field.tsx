import { useQuery } from '@apollo/client/react';
import { FormGroup, TextInput } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { AdministrableOrganisationsQuery } from './user-accounts.operations';

/** Up to this many organisations are offered as a list; an administrator of more types the ODS code. */
export const ORGANISATION_CHOICE_LIMIT = 100;

/** An organisation the viewer administers: its ODS code, name and type. */
export interface OrganisationChoice {
  code: string;
  name: string;
  type: string;
}

/** The organisations the viewer administers, when they are few enough to list (null: type a code). */
export function useOrganisationChoices(): { choices: OrganisationChoice[] | null; loading: boolean } {
  const { data, loading } = useQuery(AdministrableOrganisationsQuery, { variables: { first: ORGANISATION_CHOICE_LIMIT } });
  const found = data?.administrableOrganisations;
  if (!found || found.length >= ORGANISATION_CHOICE_LIMIT) return { choices: null, loading };
  return { choices: [...found].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), loading };
}

/**
 * An organisation, chosen from the list of those the viewer administers, or typed as its ODS code when there
 * are too many to list (an administrator of everyone).
 */
export function OrganisationField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  choices,
  emptyLabel,
  width = 10,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (code: string) => void;
  choices: { code: string; name: string }[] | null;
  /** The first option of the list: "Any organisation" for a filter, "Choose an organisation" for a form. */
  emptyLabel: string;
  width?: 5 | 10;
}) {
  if (!choices) {
    return (
      <TextInput
        id={id}
        label={label}
        hint={hint ?? 'The ODS code, for example 02V for NHS Leeds North CCG or X24 for NHS England'}
        error={error}
        width={width}
        spellCheck={false}
        autoCapitalize="characters"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value.toUpperCase())}
      />
    );
  }
  const options = choices.some((choice) => choice.code === value) || !value ? choices : [...choices, { code: value, name: value }];
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {({ describedBy }) => (
        <select
          className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
          id={id}
          name={id}
          value={value}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          <option value="">{emptyLabel}</option>
          {options.map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.name === choice.code ? choice.code : `${organisationName(choice.name)} (${choice.code})`}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}
