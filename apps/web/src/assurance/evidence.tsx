import { tryParseFinancialYear, type AssuranceFramework } from '@ccg-assure/domain';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { AssurancePartner, EvidenceKind } from '../gql/graphql';
import { planPath } from '../finance/stored-plan';
import { ccgPath } from './assurance-access';
import { formatInstantDate } from '../ui/format';
import { EVIDENCE_KIND_LABELS, EVIDENCE_REFERENCE_HINTS, PARTNER_LABELS, domainName } from './assurance-labels';
import type { StoredAssessment } from './assessment.fragment';
import { safeHref } from './evidence-links';

export type Evidence = StoredAssessment['evidence'][number];

const EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_LABELS) as EvidenceKind[];
const PARTNERS = Object.keys(PARTNER_LABELS) as AssurancePartner[];

/**
 * Where a reference to the product's own data leads: "RR8/AE_4HR_ALL" to that indicator on the
 * provider's scorecard, "02V/2015/16" to the CCG's plan for the year (or its survey results).
 */
export function evidenceTarget(kind: EvidenceKind, reference: string | null): string | null {
  if (!reference) return null;
  const [code, ...rest] = reference.split('/');
  const remainder = rest.join('/');
  if (!code || !remainder) return null;
  switch (kind) {
    case 'SCORECARD_INDICATOR':
      return `/providers/${encodeURIComponent(code)}#${encodeURIComponent(remainder)}`;
    case 'PLAN_COMPLIANCE':
    case 'FORECAST_VARIANCE': {
      const year = tryParseFinancialYear(remainder);
      return year ? planPath(code, year.label) : null;
    }
    case 'STAKEHOLDER_SURVEY':
      return `${ccgPath(code)}#survey`;
    default:
      return null;
  }
}

/** The evidence linked to an assessment, each with where it comes from, a link where there is one, and what it shows. */
export function EvidenceList({
  evidence,
  frameworkId,
  onRemove,
  busy = false,
  showDomain = true,
}: {
  evidence: readonly Evidence[];
  frameworkId: string;
  onRemove?: (item: Evidence) => void;
  busy?: boolean;
  showDomain?: boolean;
}) {
  if (evidence.length === 0) return null;
  return (
    <ul className="nhsuk-list ccg-evidence-list">
      {evidence.map((item) => {
        const target = evidenceTarget(item.kind, item.reference);
        const href = safeHref(item.url);
        const what = `${EVIDENCE_KIND_LABELS[item.kind]}${item.partner ? `: ${PARTNER_LABELS[item.partner]}` : ''}`;
        return (
          <li key={item.id} className="ccg-evidence">
            <strong>{what}</strong>
            {showDomain && item.domain && <span className="nhsuk-u-secondary-text-colour"> ({domainName(frameworkId, item.domain)})</span>}
            {item.reference && (
              <>
                {' '}
                {target ? (
                  <Link to={target} className="nhsuk-link">
                    {item.reference}
                  </Link>
                ) : (
                  <span>{item.reference}</span>
                )}
              </>
            )}
            {href && (
              <>
                {' '}
                <a href={href} className="nhsuk-link" rel="noopener noreferrer">
                  {item.reference ? 'link' : href}
                  <span className="nhsuk-u-visually-hidden"> to {what} (opens another website)</span>
                </a>
              </>
            )}
            {item.note && <span className="ccg-block">{item.note}</span>}
            <span className="ccg-block nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
              Added {formatInstantDate(item.addedAt)}
              {item.addedBy ? ` by ${item.addedBy.displayName}` : ' (illustrative)'}
            </span>
            {onRemove && (
              <button type="button" className="ccg-link-button" disabled={busy} onClick={() => onRemove(item)}>
                Remove<span className="nhsuk-u-visually-hidden"> {what} {item.reference ?? ''}</span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export interface NewEvidence {
  kind: EvidenceKind;
  partner: AssurancePartner | null;
  domain: string | null;
  reference: string | null;
  url: string | null;
  note: string | null;
}

interface FieldErrors {
  kind?: string;
  partner?: string;
  reference?: string;
  url?: string;
}

/** Checks what the API would refuse, so the person sees it against the field first. */
export function evidenceErrors(input: { kind: string; partner: string; reference: string; url: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.kind) errors.kind = 'Select where the evidence comes from';
  if (input.kind === 'PARTNER_REPORT' && !input.partner) errors.partner = 'Select the partner whose report it is';
  if (!input.reference.trim() && !input.url.trim()) errors.reference = 'Enter a reference or a link';
  if (input.url.trim() && !safeHref(input.url.trim())) errors.url = 'Enter a link starting https:// or http://';
  return errors;
}

/** Links a piece of evidence: from the product (by reference) or outside it (by link), to a domain or the whole assessment. */
export function AddEvidenceForm({ framework, busy, onAdd }: { framework: AssuranceFramework; busy: boolean; onAdd: (evidence: NewEvidence) => Promise<boolean> }) {
  const [kind, setKind] = useState('');
  const [partner, setPartner] = useState('');
  const [domain, setDomain] = useState('');
  const [reference, setReference] = useState('');
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = evidenceErrors({ kind, partner, reference, url });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const id = found.kind ? 'evidence-kind' : found.partner ? 'evidence-partner' : found.reference ? 'evidence-reference' : 'evidence-url';
      document.getElementById(id)?.focus();
      return;
    }
    const added = await onAdd({
      kind: kind as EvidenceKind,
      partner: kind === 'PARTNER_REPORT' ? (partner as AssurancePartner) : null,
      domain: domain || null,
      reference: reference.trim() || null,
      url: url.trim() || null,
      note: note.trim() || null,
    });
    if (added) {
      setKind('');
      setPartner('');
      setDomain('');
      setReference('');
      setUrl('');
      setNote('');
    }
  }

  const group = (error: string | undefined) => `nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`;
  const message = (id: string, error: string | undefined) =>
    error ? (
      <span className="nhsuk-error-message" id={`${id}-error`}>
        <span className="nhsuk-u-visually-hidden">Error: </span>
        {error}
      </span>
    ) : null;
  const describedBy = (id: string, error: string | undefined, hint = false) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="ccg-evidence-form" aria-labelledby="add-evidence-heading">
      <h3 id="add-evidence-heading" className="nhsuk-heading-s">
        Add evidence
      </h3>
      <div className={group(errors.kind)}>
        <label className="nhsuk-label" htmlFor="evidence-kind">
          Where it comes from
        </label>
        {message('evidence-kind', errors.kind)}
        <select
          className={`nhsuk-select${errors.kind ? ' nhsuk-select--error' : ''}`}
          id="evidence-kind"
          value={kind}
          aria-describedby={describedBy('evidence-kind', errors.kind)}
          onChange={(event) => setKind(event.currentTarget.value)}
        >
          <option value="">Select</option>
          {EVIDENCE_KINDS.map((code) => (
            <option key={code} value={code}>
              {EVIDENCE_KIND_LABELS[code]}
            </option>
          ))}
        </select>
      </div>
      {kind === 'PARTNER_REPORT' && (
        <div className={group(errors.partner)}>
          <label className="nhsuk-label" htmlFor="evidence-partner">
            Partner
          </label>
          {message('evidence-partner', errors.partner)}
          <select
            className={`nhsuk-select${errors.partner ? ' nhsuk-select--error' : ''}`}
            id="evidence-partner"
            value={partner}
            aria-describedby={describedBy('evidence-partner', errors.partner)}
            onChange={(event) => setPartner(event.currentTarget.value)}
          >
            <option value="">Select</option>
            {PARTNERS.map((code) => (
              <option key={code} value={code}>
                {PARTNER_LABELS[code]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="evidence-domain">
          What it supports
        </label>
        <select className="nhsuk-select" id="evidence-domain" value={domain} onChange={(event) => setDomain(event.currentTarget.value)}>
          <option value="">The whole assessment</option>
          {framework.domains.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className={group(errors.reference)}>
        <label className="nhsuk-label" htmlFor="evidence-reference">
          Reference
        </label>
        <div className="nhsuk-hint" id="evidence-reference-hint">
          {kind ? EVIDENCE_REFERENCE_HINTS[kind as EvidenceKind] : 'A reference, a link, or both'}
        </div>
        {message('evidence-reference', errors.reference)}
        <input
          className={`nhsuk-input${errors.reference ? ' nhsuk-input--error' : ''}`}
          id="evidence-reference"
          value={reference}
          aria-describedby={describedBy('evidence-reference', errors.reference, true)}
          onChange={(event) => setReference(event.currentTarget.value)}
        />
      </div>
      <div className={group(errors.url)}>
        <label className="nhsuk-label" htmlFor="evidence-url">
          Link (optional)
        </label>
        {message('evidence-url', errors.url)}
        <input
          className={`nhsuk-input${errors.url ? ' nhsuk-input--error' : ''}`}
          id="evidence-url"
          type="url"
          inputMode="url"
          spellCheck={false}
          value={url}
          aria-describedby={describedBy('evidence-url', errors.url)}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="evidence-note">
          What it shows (optional)
        </label>
        <textarea className="nhsuk-textarea" id="evidence-note" rows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
        Add the evidence
      </button>
    </form>
  );
}
