import { graphql } from '../gql';

/** A CCG's contracts, as the list shows them. */
export const CcgContractsQuery = graphql(`
  query CcgContracts($ccg: String!, $financialYear: String) {
    contracts(ccg: $ccg, financialYear: $financialYear) {
      id
      title
      reference
      financialYear
      contractValue
      illustrative
      illustrativeNote
      viewerMayAct
      provider {
        code
        name
      }
      leadCommissioner {
        code
        name
      }
      associates {
        code
        name
      }
      notices {
        id
        status
      }
      breachProposals(status: OPEN) {
        id
      }
    }
  }
`);

/** A provider's contracts the viewer may read (a scorecard tile's "Propose a contract notice"). */
export const ProviderContractsQuery = graphql(`
  query ProviderContracts($provider: String!) {
    providerContracts(provider: $provider) {
      id
      title
      financialYear
      viewerMayAct
      illustrative
      leadCommissioner {
        code
        name
      }
      monitoredIndicators {
        indicator {
          code
        }
      }
    }
  }
`);

/** One contract with its indicators, breach proposals, notices and sanctions ledger. */
export const ContractQuery = graphql(`
  query Contract($id: ID!) {
    contract(id: $id) {
      id
      title
      reference
      financialYear
      contractValue
      illustrative
      illustrativeNote
      viewerMayAct
      version
      provider {
        code
        name
      }
      leadCommissioner {
        code
        name
      }
      associates {
        code
        name
      }
      managementTerms {
        financialYear
        meetingWithinOperationalDays
        rapAgreeWithinOperationalDays
        withholdingPercent
        source
      }
      monitoredIndicators {
        indicator {
          code
          name
          unit
          polarity
        }
        threshold
        thresholdSource
        value
        period
        periodLabel
        rag
        meetsThreshold
        variationType
        assuranceType
      }
      breachProposals {
        id
        status
        period
        periodLabel
        value
        threshold
        rag
        variationType
        assuranceType
        reasons
        dismissedReason
        indicator {
          code
          name
          unit
        }
      }
      notices {
        id
        status
        statusLabel
        issuedOn
        responseMeetingBy
        createdAt
        indicators {
          code
          name
        }
      }
      sanctionLedger {
        contractId
        viewerMayAct
        sanctions {
          id
          code
          description
          unitValue
          countUnit
          scope
        }
        entries {
          ...LedgerEntryFields
        }
        totals {
          ...SanctionTotalsFields
        }
      }
    }
  }
`);

/** @public Spread by name in the operations; codegen reads it. */
export const LedgerEntryFieldsFragment = graphql(`
  fragment LedgerEntryFields on SanctionLedgerEntry {
    id
    kind
    basis
    description
    sanctionCode
    period
    count
    unitValue
    amount
    status
    reason
    incomeUse
    incomeUseNote
    noticeId
    version
    availableActions
    createdAt
  }
`);

/** @public Spread by name in the operations; codegen reads it. */
export const SanctionTotalsFieldsFragment = graphql(`
  fragment SanctionTotalsFields on SanctionTotals {
    calculated
    applied
    waived
    withheld
    returned
    unallocated
    unallocatedEntries
    byUse {
      use
      amount
      entries
    }
  }
`);

export const ProposeContractNoticeMutation = graphql(`
  mutation ProposeContractNotice($input: ProposeContractNoticeInput!) {
    proposeContractNotice(input: $input) {
      id
      status
    }
  }
`);

export const DismissBreachProposalMutation = graphql(`
  mutation DismissBreachProposal($input: DismissBreachProposalInput!) {
    dismissBreachProposal(input: $input) {
      id
      status
      dismissedReason
    }
  }
`);

/** @public Spread by name in the operations; codegen reads it. */
export const ContractNoticeFieldsFragment = graphql(`
  fragment ContractNoticeFields on ContractNotice {
    id
    status
    statusLabel
    version
    issuedOn
    responseMeetingBy
    meetingHeldOn
    createdAt
    raisedFrom
    availableActions
    proposedNextStep
    evidenceChangedSince
    indicators {
      code
      name
      unit
      polarity
    }
    contract {
      id
      title
      reference
      financialYear
      contractValue
      illustrative
      illustrativeNote
      viewerMayAct
      provider {
        code
        name
      }
      leadCommissioner {
        code
        name
      }
      associates {
        code
        name
      }
      managementTerms {
        meetingWithinOperationalDays
        rapAgreeWithinOperationalDays
        withholdingPercent
        source
      }
    }
    evidence {
      frozen
      frozenAt
      indicators {
        indicator {
          code
          name
          unit
        }
        period
        periodLabel
        value
        numerator
        denominator
        threshold
        thresholdSource
        target
        rag
        variationType
        assuranceType
        points {
          period
          value
          mean
          lowerProcessLimit
          upperProcessLimit
          specialCauseType
          pointType
          rebaseGroup
        }
      }
    }
    history {
      action
      actorName
      at
      fromStatus
      toStatus
      meetingOn
      note
    }
    remedialActionPlan {
      id
      agreedOn
      summary
      actions {
        id
        description
        owner
        dueOn
        status
        version
      }
      trajectory {
        indicator {
          code
          name
          unit
        }
        month
        value
        actual
        met
      }
      misses {
        indicator {
          code
          name
        }
        month
        committedValue
        actualValue
        proposedNextStep
        recordedAt
      }
    }
  }
`);

export const ContractNoticeQuery = graphql(`
  query ContractNotice($id: ID!) {
    contractNotice(id: $id) {
      ...ContractNoticeFields
    }
  }
`);

/** The current series of a provider's indicators with their SPC (public scorecard data): the contract's charts, and actuals against a trajectory. */
export const ProviderSeriesQuery = graphql(`
  query ProviderSeries($code: String!) {
    providerScorecard(code: $code) {
      indicators {
        indicator {
          code
          name
          unit
        }
        target
        series {
          period
          value
          mean
          lowerProcessLimit
          upperProcessLimit
          specialCauseType
          pointType
          rebaseGroup
        }
      }
    }
  }
`);

export const ApplyContractNoticeActionMutation = graphql(`
  mutation ApplyContractNoticeAction($input: ApplyContractNoticeActionInput!) {
    applyContractNoticeAction(input: $input) {
      ...ContractNoticeFields
    }
  }
`);

export const AgreeRemedialActionPlanMutation = graphql(`
  mutation AgreeRemedialActionPlan($input: AgreeRemedialActionPlanInput!) {
    agreeRemedialActionPlan(input: $input) {
      ...ContractNoticeFields
    }
  }
`);

export const UpdateRemedialActionMutation = graphql(`
  mutation UpdateRemedialAction($input: UpdateRemedialActionInput!) {
    updateRemedialAction(input: $input) {
      ...ContractNoticeFields
    }
  }
`);

export const RecordSanctionMutation = graphql(`
  mutation RecordSanction($input: RecordSanctionInput!) {
    recordSanction(input: $input) {
      ...LedgerEntryFields
    }
  }
`);

export const CalculateContractSanctionsMutation = graphql(`
  mutation CalculateContractSanctions($input: CalculateContractSanctionsInput!) {
    calculateContractSanctions(input: $input) {
      ...LedgerEntryFields
    }
  }
`);

export const ApplySanctionLedgerActionMutation = graphql(`
  mutation ApplySanctionLedgerAction($input: ApplySanctionLedgerActionInput!) {
    applySanctionLedgerAction(input: $input) {
      ...LedgerEntryFields
    }
  }
`);

export const RecordFineIncomeUseMutation = graphql(`
  mutation RecordFineIncomeUse($input: RecordFineIncomeUseInput!) {
    recordFineIncomeUse(input: $input) {
      ...LedgerEntryFields
    }
  }
`);

export const FineIncomeReportQuery = graphql(`
  query FineIncomeReport($ccg: String!, $financialYear: String!) {
    fineIncomeReport(ccg: $ccg, financialYear: $financialYear) {
      ccg
      financialYear
      totals {
        ...SanctionTotalsFields
      }
      contracts {
        contractId
        title
        providerCode
        role
        illustrative
        totals {
          ...SanctionTotalsFields
        }
      }
    }
  }
`);

export const SetLocalSanctionMutation = graphql(`
  mutation SetLocalSanction($input: SetLocalSanctionInput!) {
    setLocalSanction(input: $input) {
      id
      code
      description
      unitValue
      countUnit
      scope
      measure
    }
  }
`);

export const RecordContractWithholdingMutation = graphql(`
  mutation RecordContractWithholding($input: RecordContractWithholdingInput!) {
    recordContractWithholding(input: $input) {
      ...LedgerEntryFields
    }
  }
`);

/** The indicators a contract may monitor (public reference data). */
export const ContractIndicatorChoicesQuery = graphql(`
  query ContractIndicatorChoices {
    indicators {
      code
      name
      unit
    }
  }
`);

/** @public Spread by name in the operations; codegen reads it. What the contract form and its pages read back. */
export const ContractFormFieldsFragment = graphql(`
  fragment ContractFormFields on Contract {
    id
    title
    reference
    financialYear
    contractValue
    version
    viewerMayAct
    provider {
      code
      name
    }
    leadCommissioner {
      code
      name
    }
    associates {
      code
      name
    }
    monitoredIndicators {
      indicator {
        code
        name
      }
      threshold
      thresholdSource
    }
  }
`);

export const CreateContractMutation = graphql(`
  mutation CreateContract($input: CreateContractInput!) {
    createContract(input: $input) {
      ...ContractFormFields
    }
  }
`);

export const UpdateContractMutation = graphql(`
  mutation UpdateContract($input: UpdateContractInput!) {
    updateContract(input: $input) {
      ...ContractFormFields
    }
  }
`);

/** A contract as the change form reads it (prefilled, with the version to send back). */
export const ContractForChangeQuery = graphql(`
  query ContractForChange($id: ID!) {
    contract(id: $id) {
      ...ContractFormFields
    }
  }
`);

/** @public Spread by name in the operations; codegen reads it. */
export const SanctionScheduleEntryFieldsFragment = graphql(`
  fragment SanctionScheduleEntryFields on SanctionScheduleEntry {
    id
    code
    financialYear
    description
    unitValue
    countUnit
    scope
    version
    updatedAt
    sources {
      basis
      document
    }
  }
`);

/** The national sanctions of a contract year. */
export const SanctionScheduleQuery = graphql(`
  query SanctionSchedule($financialYear: String!) {
    sanctionSchedule(financialYear: $financialYear) {
      ...SanctionScheduleEntryFields
    }
  }
`);

export const UpdateSanctionRateMutation = graphql(`
  mutation UpdateSanctionRate($input: UpdateSanctionRateInput!) {
    updateSanctionRate(input: $input) {
      ...SanctionScheduleEntryFields
    }
  }
`);

/** @public Spread by name in the operations; codegen reads it. */
export const ContractManagementTermsFieldsFragment = graphql(`
  fragment ContractManagementTermsFields on ContractManagementTerms {
    financialYear
    meetingWithinOperationalDays
    rapAgreeWithinOperationalDays
    investigationReportOperationalDays
    withholdingPercent
    withholdingRetainedAfterMonths
    source
  }
`);

/** The GC9 figures of every contract year, newest first. */
export const ContractManagementTermsQuery = graphql(`
  query ContractManagementTerms {
    contractManagementTerms {
      ...ContractManagementTermsFields
    }
  }
`);

export const UpdateContractManagementTermsMutation = graphql(`
  mutation UpdateContractManagementTerms($input: UpdateContractManagementTermsInput!) {
    updateContractManagementTerms(input: $input) {
      ...ContractManagementTermsFields
    }
  }
`);
