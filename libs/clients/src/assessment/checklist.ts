import type { AssessmentDomain } from './assessment.entity';

/** The standard needs-assessment checklist of the product specification, by domain, in order. */
export const STANDARD_CHECKLIST: Record<Exclude<AssessmentDomain, 'OTHER'>, string[]> = {
  CERTIFICATES_LICENSES: ["Driver's license", 'Bondable', 'Education'],
  PERSONAL_CIRCUMSTANCES: ['Financial stability', 'Food and housing', 'Medical/dental', 'Childcare', 'Transportation'],
  PERSONAL_HEALTH: ['General health', 'Mental health', 'Physical disability', 'Addiction', 'Prolonged illness'],
  ATTITUDES: ['Desire to work', 'Enthusiasm', 'Self-directed', 'Realistic goals', 'Realistic $ goals', 'Business attitude'],
  SOCIAL_SUPPORT: ['Supportive family', 'Supportive friends'],
  CAREER_MANAGEMENT: [
    'Self-awareness',
    'Occupational info',
    'Education info',
    'Decision skills',
    'Long-term goals',
    'Job search skills',
    'Resume',
  ],
  EMPLOYABILITY: [
    'Flexible hours',
    'Able to relocate',
    'Work history',
    'Appearance',
    'Verbal skills',
    'Adequate training',
    'Attendance record',
    'Punctuality',
    'Work under supervision',
    'Work alone',
    'Team player',
    'High quality work',
    'Works quickly',
    'Follows directions',
    'Willing to learn',
    'Willing to change',
    'Can read manuals',
    'Business math',
    'Writing/spelling',
    'Study skills',
  ],
};

export function standardCharacteristics(): Array<{ domain: AssessmentDomain; name: string; position: number }> {
  return Object.entries(STANDARD_CHECKLIST).flatMap(([domain, names]) =>
    names.map((name, position) => ({ domain: domain as AssessmentDomain, name, position })),
  );
}
