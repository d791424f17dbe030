import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { ChangePasswordPage } from '../account/change-password-page';
import { SessionsPage } from '../account/sessions-page';
import { AttentionPage } from '../attention/attention-page';
import { NewUserPage } from '../admin/new-user-page';
import { RequireAdministrator } from '../admin/require-administrator';
import { StandardsPage } from '../admin/standards-page';
import { UserPage } from '../admin/user-page';
import { IndicatorPage, IndicatorsPage } from '../admin/indicators-page';
import { UsersPage } from '../admin/users-page';
import { CcgAnnualReportPage, EnglandAnnualReportPage } from '../assurance/annual-report-page';
import { AssessmentPage } from '../assurance/assessment-page';
import { AssurancePage } from '../assurance/assurance-page';
import { CcgAssurancePage } from '../assurance/ccg-assurance-page';
import { NewAssessmentPage } from '../assurance/new-assessment-page';
import { PublicAssurancePage } from '../assurance/public-assurance-page';
import { RequireSignIn } from '../auth/require-sign-in';
import { SignInPage } from '../auth/sign-in-page';
import { BoardPage } from '../escalation/board-page';
import { RequireEscalationRole } from '../escalation/escalation-access';
import { EscalationHomePage } from '../escalation/escalation-home-page';
import { EscalationMapPage } from '../escalation/escalation-map-page';
import { EscalationItemPage } from '../escalation/item-page';
import { MeetingPage } from '../escalation/meeting-page';
import { RaiseItemPage } from '../escalation/raise-item-page';
import { EscalationRoutesPage } from '../escalation/routes-page';
import { CheckPlanPage } from '../finance/check-plan-page';
import { FinancePage } from '../finance/finance-page';
import { PlanEditorPage } from '../finance/plan-editor-page';
import { PlansPage } from '../finance/plans-page';
import { RequireContractRole } from '../contracts/contract-access';
import { ChangeContractPage, NewContractPage } from '../contracts/contract-edit-pages';
import { ContractPage } from '../contracts/contract-page';
import { ContractsPage } from '../contracts/contracts-page';
import { FineIncomePage } from '../contracts/fine-income-page';
import { NoticePage } from '../contracts/notice-page';
import { ProposeNoticePage } from '../contracts/propose-notice-page';
import { SanctionSchedulePage } from '../contracts/sanction-schedule-page';
import { HomeRoute } from '../home/home-page';
import { ImportBatchPage } from '../imports/import-batch-page';
import { ImportHistoryPage } from '../imports/import-history-page';
import { RequireImportRole } from '../imports/import-access';
import { ImportsPage } from '../imports/imports-page';
import { Layout } from '../layout/layout';
import { ComparisonPage } from '../providers/comparison-page';
import { ProviderScorecardPage } from '../providers/provider-scorecard-page';
import { ProvidersPage } from '../providers/providers-page';
import { ScorecardGridPage } from '../providers/scorecard-grid-page';
import { RequirePerformanceReportRole } from '../performance-reports/performance-report-access';
import { PerformanceReportPage } from '../performance-reports/performance-report-page';
import { PerformanceReportsPage } from '../performance-reports/performance-reports-page';
import { PublishedReportPage, PublishedReportsPage } from '../performance-reports/published-reports-pages';
import { NotFoundPage } from './not-found-page';

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;
const administrators = (page: ReactNode) => signedIn(<RequireAdministrator>{page}</RequireAdministrator>);
const contractReaders = (page: ReactNode) => signedIn(<RequireContractRole>{page}</RequireContractRole>);
const escalationUsers = (page: ReactNode) => signedIn(<RequireEscalationRole>{page}</RequireEscalationRole>);
const reportUsers = (page: ReactNode) => signedIn(<RequirePerformanceReportRole>{page}</RequirePerformanceReportRole>);

/** Every page of the app. The viewer and Apollo providers wrap it (main.tsx, and tests). */
export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/" element={<HomeRoute />} />
        {/* Published provider data is public (DOMAIN.md: the public reads published scorecards). */}
        <Route path="/attention" element={<AttentionPage />} />
        <Route path="/providers" element={<ProvidersPage />} />
        <Route path="/providers/grid" element={<ScorecardGridPage />} />
        <Route path="/providers/compare" element={<ComparisonPage />} />
        <Route path="/providers/:code" element={<ProviderScorecardPage />} />
        <Route path="/finance" element={signedIn(<FinancePage />)} />
        <Route path="/finance/check" element={signedIn(<CheckPlanPage />)} />
        <Route path="/finance/plans" element={signedIn(<PlansPage />)} />
        <Route path="/finance/plans/:ccg/:financialYear" element={signedIn(<PlanEditorPage />)} />
        {/* Provider contracts: commissioning managers, finance officers, analysts and assessors (issue 15); the API checks each contract. */}
        <Route path="/contracts" element={contractReaders(<ContractsPage />)} />
        <Route path="/contracts/fine-income" element={contractReaders(<FineIncomePage />)} />
        <Route path="/contracts/new" element={contractReaders(<NewContractPage />)} />
        {/* The national sanction rates: any signed-in user reads them, administrators change them (the API decides). */}
        <Route path="/contracts/sanction-schedule" element={signedIn(<SanctionSchedulePage />)} />
        {/* The national standards: any signed-in user reads them, administrators set a threshold from a financial year (decision 0030). */}
        <Route path="/standards" element={signedIn(<StandardsPage />)} />
        <Route path="/contracts/notices/:id" element={contractReaders(<NoticePage />)} />
        <Route path="/contracts/:id" element={contractReaders(<ContractPage />)} />
        <Route path="/contracts/:id/propose" element={contractReaders(<ProposeNoticePage />)} />
        <Route path="/contracts/:id/change" element={contractReaders(<ChangeContractPage />)} />
        {/* Boards and escalation: a CCG's staff and administrators (issue 16); the API checks each CCG, board and item. */}
        <Route path="/escalation" element={escalationUsers(<EscalationHomePage />)} />
        <Route path="/escalation/ccgs/:code" element={escalationUsers(<EscalationMapPage />)} />
        <Route path="/escalation/ccgs/:code/routes" element={escalationUsers(<EscalationRoutesPage />)} />
        <Route path="/escalation/boards/:id" element={escalationUsers(<BoardPage />)} />
        <Route path="/escalation/items/new" element={escalationUsers(<RaiseItemPage />)} />
        <Route path="/escalation/items/:id" element={escalationUsers(<EscalationItemPage />)} />
        <Route path="/escalation/meetings/:id" element={escalationUsers(<MeetingPage />)} />
        {/* The monthly performance report (issue 17): a CCG's staff and its boards; published reports are public. The API checks each CCG and report. */}
        <Route path="/performance-reports" element={reportUsers(<PerformanceReportsPage />)} />
        <Route path="/performance-reports/:id" element={reportUsers(<PerformanceReportPage />)} />
        <Route path="/published/performance-reports" element={<PublishedReportsPage />} />
        <Route path="/published/performance-reports/:ccg/:month" element={<PublishedReportPage />} />
        <Route path="/assurance" element={signedIn(<AssurancePage />)} />
        <Route path="/assurance/assessments/new" element={signedIn(<NewAssessmentPage />)} />
        <Route path="/assurance/assessments/:id" element={signedIn(<AssessmentPage />)} />
        <Route path="/assurance/ccgs/:code" element={signedIn(<CcgAssurancePage />)} />
        {/* Published assurance and the annual reports are public (DOMAIN.md: the public reads published assurance ratings). */}
        <Route path="/assurance/reports/england/:year" element={<EnglandAnnualReportPage />} />
        <Route path="/assurance/reports/:ccg/:year" element={<CcgAnnualReportPage />} />
        <Route path="/public/assurance/:code" element={<PublicAssurancePage />} />
        {/* Imports of national data files: analysts and administrators (others are told they have no access). */}
        <Route path="/imports" element={signedIn(<RequireImportRole><ImportsPage /></RequireImportRole>)} />
        <Route path="/imports/history" element={signedIn(<RequireImportRole><ImportHistoryPage /></RequireImportRole>)} />
        <Route path="/imports/:id" element={signedIn(<RequireImportRole><ImportBatchPage /></RequireImportRole>)} />
        <Route path="/admin/users" element={administrators(<UsersPage />)} />
        <Route path="/admin/users/new" element={administrators(<NewUserPage />)} />
        <Route path="/admin/users/:id" element={administrators(<UserPage />)} />
        {/* Indicator definitions (decision 0031): administrators define the indicators whose values analysts import. */}
        <Route path="/admin/indicators" element={administrators(<IndicatorsPage />)} />
        <Route path="/admin/indicators/new" element={administrators(<IndicatorPage />)} />
        <Route path="/admin/indicators/:code" element={administrators(<IndicatorPage />)} />
        <Route path="/account/password" element={signedIn(<ChangePasswordPage />)} />
        <Route path="/account/sessions" element={signedIn(<SessionsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
