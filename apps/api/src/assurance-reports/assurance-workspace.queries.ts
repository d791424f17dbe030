import { sqlStatement } from '../database/typed-sql';

// The assessor's workspace in one statement (decision 0009: a report across assessments and special measures).

/** Every CCG with its latest published assessment, its newest draft and its open special measures episode. */
export const workspaceRows = sqlStatement({
  name: 'assurance-workspace-rows',
  params: [],
  columns: {
    ccgCode: 'varchar',
    ccgName: 'text',
    decidedCategory: 'varchar?',
    assessedOn: 'date?',
    financialYear: 'varchar?',
    quarter: 'int2?',
    nextAssessmentDue: 'date?',
    assessmentIllustrative: 'bool?',
    draftAssessmentId: 'uuid?',
    episodeState: 'varchar?',
    episodeEnteredOn: 'date?',
    episodeClosedOn: 'date?',
    episodeIllustrative: 'bool?',
  },
  text: `SELECT o.code AS "ccgCode", o.name AS "ccgName", lp.decided_category AS "decidedCategory", lp.assessed_on AS "assessedOn",
                lp.financial_year AS "financialYear", lp.quarter, lp.next_assessment_due AS "nextAssessmentDue", lp.illustrative AS "assessmentIllustrative",
                d.id AS "draftAssessmentId", e.state AS "episodeState", e.entered_on AS "episodeEnteredOn", e.closed_on AS "episodeClosedOn", e.illustrative AS "episodeIllustrative"
           FROM organisation o
           LEFT JOIN LATERAL (SELECT a.* FROM assurance_assessment a WHERE a.ccg_code = o.code AND a.status = 'PUBLISHED' ORDER BY a.period_start DESC LIMIT 1) lp ON true
           LEFT JOIN LATERAL (SELECT a.id FROM assurance_assessment a WHERE a.ccg_code = o.code AND a.status = 'DRAFT' ORDER BY a.period_start DESC LIMIT 1) d ON true
           LEFT JOIN special_measures_episode e ON e.ccg_code = o.code AND e.state NOT IN ('EXITED', 'ESCALATED')
          WHERE o.type = 'CCG'`,
});
