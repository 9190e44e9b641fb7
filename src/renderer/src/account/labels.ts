// The CSM's words for the contract's enum values, in one place so every tab, badge and select agrees.
import type { HealthStatus, MilestoneKind, MilestoneStatus, Stage, SurveyKind, TouchpointKind } from '../../../shared/contract';

export const STAGE_LABEL: Record<Stage, string> = { onboarding: 'Onboarding', adoption: 'Adoption', renewal: 'Renewal' };

export const STATUS_COLOR: Record<HealthStatus, string> = { green: 'teal', yellow: 'yellow', red: 'red' };
export const STATUS_LABEL: Record<HealthStatus, string> = { green: 'Healthy', yellow: 'At risk', red: 'Critical' };

export const MILESTONE_KIND_LABEL: Record<MilestoneKind, string> = {
  kickoff: 'Kickoff',
  onboarding_complete: 'Onboarding complete',
  first_key_action: 'First key action',
  basic_value: 'Basic value',
  exceeded_value: 'Exceeded value',
  custom: 'Custom',
};

export const MILESTONE_STATUS: Record<MilestoneStatus, { label: string; color: string }> = {
  achieved_on_time: { label: 'Achieved on time', color: 'teal' },
  achieved_late: { label: 'Achieved late', color: 'orange' },
  overdue: { label: 'Overdue', color: 'red' },
  upcoming: { label: 'Upcoming', color: 'blue' },
};

export const TOUCHPOINT_KIND_LABEL: Record<TouchpointKind, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  support_case: 'Support case',
  campaign: 'Campaign',
};

export const SURVEY_KIND_LABEL: Record<SurveyKind, string> = { nps: 'NPS', csat: 'CSAT', proficiency: 'Proficiency' };

/** The range each survey kind is answered on (contract: NPS 0–10, CSAT and proficiency 1–5). */
export const SURVEY_RANGE: Record<SurveyKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  proficiency: { min: 1, max: 5 },
};

export const ROLE_LABEL: Record<string, string> = {
  end_user: 'End users',
  manager: 'Managers',
  executive: 'Executives',
  admin: 'Admins',
};

export { plural } from '../../../shared/format';
