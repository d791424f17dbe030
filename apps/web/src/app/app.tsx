import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAdministrator } from '../admin/require-administrator';
import { RequireSignIn } from '../auth/require-sign-in';
import { RequireEscalationRole } from '../escalation/escalation-access';
import { RequireContractRole } from '../contracts/contract-access';
import { RequireImportRole } from '../imports/import-access';
import { Layout } from '../layout/layout';
import { RequirePerformanceReportRole } from '../performance-reports/performance-report-access';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './not-found-page';
import { PageBoundary } from './page-boundary';

// Each page is its own script, fetched when first visited (issue 19 point 5): a first visit carries the app's shell
// and one page, not the whole app. Pages of one module share a script.
const ChangePasswordPage = lazyPage(() => import('../account/change-password-page'), 'ChangePasswordPage');
const SessionsPage = lazyPage(() => import('../account/sessions-page'), 'SessionsPage');
const AttentionPage = lazyPage(() => import('../attention/attention-page'), 'AttentionPage');
const NewUserPage = lazyPage(() => import('../admin/new-user-page'), 'NewUserPage');
const StandardsPage = lazyPage(() => import('../admin/standards-page'), 'StandardsPage');
const UserPage = lazyPage(() => import('../admin/user-page'), 'UserPage');
const IndicatorPage = lazyPage(() => import('../admin/indicators-page'), 'IndicatorPage');
const IndicatorsPage = lazyPage(() => import('../admin/indicators-page'), 'IndicatorsPage');
const UsersPage = lazyPage(() => import('../admin/users-page'), 'UsersPage');
const CcgAnnualReportPage = lazyPage(() => import('../assurance/annual-report-page'), 'CcgAnnualReportPage');
const EnglandAnnualReportPage = lazyPage(() => import('../assurance/annual-report-page'), 'EnglandAnnualReportPage');
const AssessmentPage = lazyPage(() => import('../assurance/assessment-page'), 'AssessmentPage');
const AssurancePage = lazyPage(() => import('../assurance/assurance-page'), 'AssurancePage');
const CcgAssurancePage = lazyPage(() => import('../assurance/ccg-assurance-page'), 'CcgAssurancePage');
const NewAssessmentPage = lazyPage(() => import('../assurance/new-assessment-page'), 'NewAssessmentPage');
const PublicAssurancePage = lazyPage(() => import('../assurance/public-assurance-page'), 'PublicAssurancePage');
const SignInPage = lazyPage(() => import('../auth/sign-in-page'), 'SignInPage');
const BoardPage = lazyPage(() => import('../escalation/board-page'), 'BoardPage');
const EscalationHomePage = lazyPage(() => import('../escalation/escalation-home-page'), 'EscalationHomePage');
const EscalationMapPage = lazyPage(() => import('../escalation/escalation-map-page'), 'EscalationMapPage');
const EscalationItemPage = lazyPage(() => import('../escalation/item-page'), 'EscalationItemPage');
const MeetingPage = lazyPage(() => import('../escalation/meeting-page'), 'MeetingPage');
const RaiseItemPage = lazyPage(() => import('../escalation/raise-item-page'), 'RaiseItemPage');
const EscalationRoutesPage = lazyPage(() => import('../escalation/routes-page'), 'EscalationRoutesPage');
const CheckPlanPage = lazyPage(() => import('../finance/check-plan-page'), 'CheckPlanPage');
const FinancePage = lazyPage(() => import('../finance/finance-page'), 'FinancePage');
const PlanEditorPage = lazyPage(() => import('../finance/plan-editor-page'), 'PlanEditorPage');
const PlansPage = lazyPage(() => import('../finance/plans-page'), 'PlansPage');
const ChangeContractPage = lazyPage(() => import('../contracts/contract-edit-pages'), 'ChangeContractPage');
const NewContractPage = lazyPage(() => import('../contracts/contract-edit-pages'), 'NewContractPage');
const ContractPage = lazyPage(() => import('../contracts/contract-page'), 'ContractPage');
const ContractsPage = lazyPage(() => import('../contracts/contracts-page'), 'ContractsPage');
const FineIncomePage = lazyPage(() => import('../contracts/fine-income-page'), 'FineIncomePage');
const NoticePage = lazyPage(() => import('../contracts/notice-page'), 'NoticePage');
const ProposeNoticePage = lazyPage(() => import('../contracts/propose-notice-page'), 'ProposeNoticePage');
const SanctionSchedulePage = lazyPage(() => import('../contracts/sanction-schedule-page'), 'SanctionSchedulePage');
const HomeRoute = lazyPage(() => import('../home/home-page'), 'HomeRoute');
const ImportBatchPage = lazyPage(() => import('../imports/import-batch-page'), 'ImportBatchPage');
const ImportHistoryPage = lazyPage(() => import('../imports/import-history-page'), 'ImportHistoryPage');
const ImportsPage = lazyPage(() => import('../imports/imports-page'), 'ImportsPage');
const ComparisonPage = lazyPage(() => import('../providers/comparison-page'), 'ComparisonPage');
const ProviderScorecardPage = lazyPage(() => import('../providers/provider-scorecard-page'), 'ProviderScorecardPage');
const ProvidersPage = lazyPage(() => import('../providers/providers-page'), 'ProvidersPage');
const ScorecardGridPage = lazyPage(() => import('../providers/scorecard-grid-page'), 'ScorecardGridPage');
const PerformanceReportPage = lazyPage(() => import('../performance-reports/performance-report-page'), 'PerformanceReportPage');
const PerformanceReportsPage = lazyPage(() => import('../performance-reports/performance-reports-page'), 'PerformanceReportsPage');
const PublishedReportPage = lazyPage(() => import('../performance-reports/published-reports-pages'), 'PublishedReportPage');
const PublishedReportsPage = lazyPage(() => import('../performance-reports/published-reports-pages'), 'PublishedReportsPage');

/** Every page above: tests load them all before rendering any (a browser fetches each when first shown). */
const PAGES = [
  ChangePasswordPage,
  SessionsPage,
  AttentionPage,
  NewUserPage,
  StandardsPage,
  UserPage,
  IndicatorPage,
  IndicatorsPage,
  UsersPage,
  CcgAnnualReportPage,
  EnglandAnnualReportPage,
  AssessmentPage,
  AssurancePage,
  CcgAssurancePage,
  NewAssessmentPage,
  PublicAssurancePage,
  SignInPage,
  BoardPage,
  EscalationHomePage,
  EscalationMapPage,
  EscalationItemPage,
  MeetingPage,
  RaiseItemPage,
  EscalationRoutesPage,
  CheckPlanPage,
  FinancePage,
  PlanEditorPage,
  PlansPage,
  ChangeContractPage,
  NewContractPage,
  ContractPage,
  ContractsPage,
  FineIncomePage,
  NoticePage,
  ProposeNoticePage,
  SanctionSchedulePage,
  HomeRoute,
  ImportBatchPage,
  ImportHistoryPage,
  ImportsPage,
  ComparisonPage,
  ProviderScorecardPage,
  ProvidersPage,
  ScorecardGridPage,
  PerformanceReportPage,
  PerformanceReportsPage,
  PublishedReportPage,
  PublishedReportsPage,
];

export const loadEveryPage = () => Promise.all(PAGES.map((page) => page.load()));

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;
const administrators = (page: ReactNode) => signedIn(<RequireAdministrator>{page}</RequireAdministrator>);
const contractReaders = (page: ReactNode) => signedIn(<RequireContractRole>{page}</RequireContractRole>);
const escalationUsers = (page: ReactNode) => signedIn(<RequireEscalationRole>{page}</RequireEscalationRole>);
const reportUsers = (page: ReactNode) => signedIn(<RequirePerformanceReportRole>{page}</RequirePerformanceReportRole>);

/** Every page of the app. The viewer and Apollo providers wrap it (main.tsx, and tests). */
export function App() {
  return (
    <Layout>
      <PageBoundary>
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
      </PageBoundary>
    </Layout>
  );
}
