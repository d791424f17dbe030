import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import { FilterSelect } from '../ui/filter-select';
import { Loading } from '../ui/loading';
import { ErrorSummary, type FormProblem } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { viewerLeadCcgs } from './contract-access';
import { ContractForm, contractFormValues, contractRefusal, EMPTY_CONTRACT_FORM, type ContractFormInput } from './contract-form';
import { ContractForChangeQuery, CreateContractMutation, UpdateContractMutation } from './contracts.operations';

/** `/contracts/new`: a commissioning manager records a contract their CCG leads; the API checks the codes, the year and the role. */
export function NewContractPage() {
  usePageTitle('Add a contract');
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const leads = viewerLeadCcgs(viewer);
  const [lead, setLead] = useState(leads[0]?.code ?? '');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [create, { loading }] = useMutation(CreateContractMutation);
  const report = (found: FormProblem[]) => {
    setProblems(found);
    setFocus((n) => n + 1);
  };

  if (leads.length === 0) {
    return (
      <>
        <h1 className="nhsuk-heading-l">You cannot add a contract</h1>
        <p className="nhsuk-body">Contracts are recorded by a commissioning manager of the lead commissioner (the CCG that leads the contract).</p>
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/contracts">
            Back to contracts
          </Link>
        </p>
      </>
    );
  }

  async function send(input: ContractFormInput) {
    setProblems([]);
    try {
      const result = await create({ variables: { input: { ...input, leadCommissioner: lead } } });
      const id = result.data?.createContract.id;
      if (id) void navigate(`/contracts/${encodeURIComponent(id)}`);
    } catch (error) {
      report([contractRefusal(error, input)]);
    }
  }

  const chosen = leads.find((ccg) => ccg.code === lead);
  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to={`/contracts?ccg=${encodeURIComponent(lead)}`}>
          Contracts
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">Add a contract</h1>
      <p className="nhsuk-body">Record a contract your CCG leads: the provider, the year, its annual value, the associate CCGs and the indicators it monitors.</p>
      <ContractForm
        initial={EMPTY_CONTRACT_FORM}
        lead={
          leads.length > 1 ? (
            <FilterSelect id="contract-lead" label="Lead commissioner" value={lead} options={leads.map((ccg) => ({ value: ccg.code, label: `${organisationName(ccg.name)} (${ccg.code})` }))} onChange={setLead} />
          ) : (
            <p className="nhsuk-body" id="contract-lead">
              Lead commissioner: <strong>{chosen ? `${organisationName(chosen.name)} (${chosen.code})` : lead}</strong>
            </p>
          )
        }
        submitLabel="Add the contract"
        problems={problems}
        focusRequest={focus}
        busy={loading}
        onProblems={report}
        onSubmit={(input) => void send(input)}
      />
    </>
  );
}

const STALE: FormProblem = { field: null, message: 'Someone changed this contract since you opened it. The latest is shown below: make your change again.' };

/** `/contracts/:id/change`: the lead's commissioning manager changes a contract, naming the version read (a stale one is said and reloaded). */
export function ChangeContractPage() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(ContractForChangeQuery, { variables: { id } });
  const contract = data?.contract;
  usePageTitle(contract ? `Change the contract, ${contract.provider.code}` : 'Change the contract');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [update, { loading: sending }] = useMutation(UpdateContractMutation);
  const report = (found: FormProblem[]) => {
    setProblems(found);
    setFocus((n) => n + 1);
  };

  if (loading && !data) return <Loading label="Loading the contract" />;
  if (!contract) {
    return (
      <>
        <h1 className="nhsuk-heading-l">{errorCodes(error).code === 'FORBIDDEN' ? 'You cannot see this contract' : 'Contract not found'}</h1>
        {error && (
          <ErrorSummary title="The contract could not be loaded" headingLevel="h2">
            <p>{describeError(error)}</p>
          </ErrorSummary>
        )}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/contracts">
            Back to contracts
          </Link>
        </p>
      </>
    );
  }
  const back = `/contracts/${encodeURIComponent(contract.id)}`;
  if (!contract.viewerMayAct) {
    return (
      <>
        <h1 className="nhsuk-heading-l">You cannot change this contract</h1>
        <p className="nhsuk-body">Only a commissioning manager of the lead commissioner, {contract.leadCommissioner.code}, changes this contract.</p>
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to={back}>
            Back to the contract
          </Link>
        </p>
      </>
    );
  }

  async function send(input: ContractFormInput, expectedVersion: number, contractId: string) {
    setProblems([]);
    try {
      await update({
        variables: {
          input: {
            contractId,
            expectedVersion,
            contractValue: input.contractValue,
            title: input.title,
            // "" clears the reference (the schema's word).
            reference: input.reference ?? '',
            associates: input.associates,
            monitoredIndicators: input.monitoredIndicators,
          },
        },
      });
      void navigate(`/contracts/${encodeURIComponent(contractId)}`);
    } catch (failure) {
      const { reason } = errorCodes(failure);
      if (reason === 'STALE_VERSION') {
        await refetch().catch(() => undefined);
        report([STALE]);
        return;
      }
      report([contractRefusal(failure, input)]);
    }
  }

  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to={back}>
          The contract
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {organisationName(contract.provider.name)} · {contract.financialYear}
        </span>
        Change the contract
      </h1>
      <ContractForm
        // A reload after a stale version starts the form again from the latest.
        key={contract.version}
        initial={contractFormValues(contract)}
        fixed
        lead={
          <p className="nhsuk-body" id="contract-lead">
            Lead commissioner: <strong>{`${organisationName(contract.leadCommissioner.name)} (${contract.leadCommissioner.code})`}</strong>
          </p>
        }
        submitLabel="Save the changes"
        problems={problems}
        focusRequest={focus}
        busy={sending}
        onProblems={report}
        onSubmit={(input) => void send(input, contract.version, contract.id)}
      />
    </>
  );
}
