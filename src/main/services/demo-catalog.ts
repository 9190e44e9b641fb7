// The vocabulary of the demo book: fictional companies, people, features and the phrases CSMs write in their
// notes. Every company is invented (name parts are combined at random); every email is on a `.example` domain.
import type { DemoFeature, Role } from './demo-book';

export type { Role };

/**
 * The CSM's feature catalogue (the features file) and the product event names the analytics tools record for each:
 * names as a product team writes them, never the feature's own name. A name ending in `*` is written to the
 * features file as a pattern; the usage files hold names it matches.
 */
export const FEATURES = [
  { key: 'dashboards', name: 'Dashboards', isKey: true, isPaid: false, events: ['Viewed Dashboard', 'Shared Dashboard', 'Created Dashboard'] },
  { key: 'report export', name: 'Report export', isKey: true, isPaid: false, events: ['Exported Report', 'Exported CSV', 'Scheduled Export'] },
  { key: 'workflow automation', name: 'Workflow automation', isKey: true, isPaid: true, events: ['Ran Workflow', 'Created Workflow'] },
  { key: 'crm integration', name: 'CRM integration', isKey: true, isPaid: false, events: ['Synced CRM Records', 'Connected Salesforce'] },
  { key: 'forecasting', name: 'Forecasting', isKey: false, isPaid: true, events: ['Viewed Forecast', 'Adjusted Forecast'] },
  { key: 'alerts', name: 'Alerts', isKey: false, isPaid: false, events: ['Created Alert', 'Acknowledged Alert'] },
  { key: 'comments', name: 'Comments', isKey: false, isPaid: false, events: ['Added Comment', 'Mentioned Teammate'] },
  { key: 'data import', name: 'Data import', isKey: false, isPaid: false, events: ['Uploaded File', 'Mapped Columns'] },
  { key: 'ai insights', name: 'AI insights', isKey: false, isPaid: true, events: ['Asked AI Assistant', 'Opened Insight'] },
  { key: 'single sign-on', name: 'Single sign-on', isKey: false, isPaid: true, events: ['Configured SSO', 'Signed In via SSO'] },
] as const satisfies readonly DemoFeature[];

/** The features file's patterns: every event name they match counts as the feature. */
export const FEATURE_PATTERNS = [
  ['Exported *', 'Report export'],
  ['* Workflow', 'Workflow automation'],
] as const;

/** Events on no particular feature: the features file maps them to a feature that is neither key nor paid. */
export const GENERAL_FEATURE = { name: 'Navigation', events: ['Signed In', 'Viewed Home Page', 'Searched'] } as const;

/** Job titles per role and department, as a CRM's contacts carry them; the importer reads the role from the title. */
export const TITLES: Record<Role, (department: string) => readonly string[]> = {
  executive: (d) => [`VP of ${d}`, `Chief ${d === 'Finance' ? 'Financial' : 'Operating'} Officer`, `SVP ${d}`],
  manager: (d) => [`${d} Manager`, `Head of ${d}`, `${d} Team Lead`, `Director of ${d}`],
  admin: () => ['Systems Administrator', 'Salesforce Administrator', 'Platform Admin'],
  end_user: (d) => [`${d} Analyst`, `${d} Specialist`, `${d} Coordinator`, `Senior ${d} Associate`],
};


export type FeatureKey = (typeof FEATURES)[number]['key'];

export const featureIndex = (key: FeatureKey): number => FEATURES.findIndex((f) => f.key === key);

/** What each role reaches for: executives read, end users do the work, admins wire things up. */
export const ROLE_FEATURES: Record<Role, readonly FeatureKey[]> = {
  executive: ['dashboards', 'ai insights', 'forecasting', 'report export'],
  manager: ['dashboards', 'report export', 'forecasting', 'alerts', 'comments', 'workflow automation'],
  end_user: ['workflow automation', 'data import', 'comments', 'crm integration', 'report export', 'alerts', 'dashboards'],
  admin: ['single sign-on', 'crm integration', 'data import', 'workflow automation', 'alerts'],
};

export const DEPARTMENTS = ['Sales', 'Finance', 'Operations', 'Marketing', 'Support', 'IT', 'HR'] as const;

export const OWNERS = [
  ['Priya Raman', 5],
  ['Tomás Lindqvist', 4],
  ['Dana Whitfield', 2],
] as const satisfies readonly (readonly [string, number])[];

export const NAME_STEMS = [
  'Alderbrook', 'Brightwater', 'Copperline', 'Driftwood', 'Emberfield', 'Fernhollow', 'Granitecrest', 'Harrowgate',
  'Ironbark', 'Juniper Vale', 'Kestrel Point', 'Lumenwick', 'Maplecrest', 'Nimbusfold', 'Oakhaven', 'Pinecroft',
  'Quillstone', 'Redwing', 'Silverleaf', 'Tidewell', 'Umberline', 'Vantorra', 'Willowmere', 'Yarrowfield',
  'Zephyrine', 'Ashgrove', 'Bluefinch', 'Cinderpath', 'Dovetail Rock', 'Elmstead', 'Foxglen', 'Glasswing',
  'Hollowpine', 'Indigo Bay', 'Larkspur', 'Marrowby', 'Northgale', 'Orchard Lane', 'Pebblebrook', 'Quietwater',
  'Rookfield', 'Saltmarsh', 'Thistledown', 'Upland Forge', 'Verdant Loop', 'Westerby', 'Amberlight', 'Birchwood Row',
  'Cobaltine', 'Duskmoor', 'Evergale', 'Frostmere', 'Goldwyn', 'Heathercote', 'Ivoryhill', 'Jasperton', 'Kingsmoor',
  'Lanternfield', 'Mistral Key', 'Nettlebank', 'Oxbow Ridge', 'Peregrine', 'Rosewell', 'Stonebridge Hollow',
] as const;

/** Company-name suffixes and the industry each implies. */
export const NAME_SUFFIXES = [
  ['Logistics', 'Transportation & Logistics'],
  ['Freight', 'Transportation & Logistics'],
  ['Health', 'Healthcare'],
  ['Clinics', 'Healthcare'],
  ['Foods', 'Food & Beverage'],
  ['Analytics', 'Software'],
  ['Systems', 'Software'],
  ['Manufacturing', 'Manufacturing'],
  ['Components', 'Manufacturing'],
  ['Capital', 'Financial Services'],
  ['Insurance', 'Insurance'],
  ['Retail', 'Retail'],
  ['Outfitters', 'Retail'],
  ['Energy', 'Energy & Utilities'],
  ['Biotech', 'Life Sciences'],
  ['Media', 'Media & Publishing'],
  ['Hospitality', 'Hospitality'],
  ['Learning', 'Education'],
  ['Robotics', 'Industrial Automation'],
  ['Property Group', 'Real Estate'],
] as const;

export const FIRST_NAMES = [
  'Aisha', 'Ben', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kara', 'Liam', 'Mei',
  'Nadia', 'Omar', 'Paula', 'Quentin', 'Rosa', 'Sanjay', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe',
  'Anders', 'Bianca', 'Chidi', 'Delia', 'Emeka', 'Freya', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lucia', 'Marco',
  'Noor', 'Olivia', 'Pedro', 'Rhea', 'Sven', 'Talia', 'Ulrich', 'Vera', 'Will', 'Yara', 'Zane', 'Amara', 'Bruno',
  'Cleo', 'Diego', 'Esme', 'Felix', 'Gita', 'Hugo', 'Isla', 'Joel',
] as const;

export const LAST_NAMES = [
  'Abernathy', 'Bergstrom', 'Castellano', 'Dubois', 'Eriksen', 'Fairbanks', 'Gallagher', 'Hasegawa', 'Iyer',
  'Jablonski', 'Kowalczyk', 'Lindgren', 'Mbeki', 'Novak', 'Okafor', 'Petrov', 'Quinlan', 'Rasmussen', 'Sato',
  'Thornbury', 'Underwood', 'Varga', 'Whitlock', 'Xu', 'Yilmaz', 'Zielinski', 'Achterberg', 'Bishara', 'Carvalho',
  'Delacroix', 'Esposito', 'Fontaine', 'Greenhalgh', 'Haddad', 'Ishikawa', 'Jovanovic', 'Kaur', 'Larsen',
  'Moreau', 'Nakamura', 'Oyelaran', 'Pellegrini', 'Ramirez', 'Sorensen', 'Tanaka', 'Ueda', 'Vasquez', 'Weston',
] as const;

export const QBR_GOALS = [
  'Reduce manual reporting time for the finance team',
  'Roll the platform out to the Operations department',
  'Automate the weekly pipeline review',
  'Connect the CRM so account data stays current',
  'Get every manager onto a shared dashboard',
  'Cut onboarding time for new hires to under a week',
  'Replace spreadsheet forecasts with in-app forecasting',
  'Raise active usage to 80 % of licensed seats',
  'Standardise exports for the board pack',
  'Set up alerts for SLA breaches',
] as const;

export const QBR_OUTCOMES = {
  positive: [
    'Sponsor confirmed the rollout is on track and asked about expanding seats.',
    'Team reports hours saved every week; exec sponsor wants a case study.',
    'Usage up quarter over quarter; agreed next-phase goals.',
  ],
  neutral: [
    'Progress is steady but slower than planned; adoption outside Sales is thin.',
    'Sponsor is supportive but busy; agreed to revisit training in a month.',
    'Mixed feedback: dashboards valued, automation not yet trusted.',
  ],
  negative: [
    'Sponsor questioned the value at current price; usage has dropped.',
    'Champion has left; new lead is evaluating alternatives.',
    'Frustration with open support cases dominated the meeting.',
  ],
  none: ['Customer did not attend; deck sent by email with no reply.', 'Rescheduled twice, then held without the sponsor.'],
} as const;

export const ACTION_ITEMS = [
  'Run a refresher training for end users',
  'Share the automation playbook',
  'Set up SSO with the IT team',
  'Build an executive dashboard for the sponsor',
  'Review licence allocation and reclaim unused seats',
  'Schedule a workshop on report exports',
  'Connect the CRM sandbox and test the sync',
  'Send the adoption report monthly',
  'Introduce the new department lead to the product team',
  'Escalate the open support case to engineering',
  'Agree success criteria for the renewal',
  'Pilot AI insights with two managers',
] as const;

export const TOUCHPOINT_TITLES = {
  call: ['Check-in call', 'Adoption review call', 'Renewal prep call', 'Call with new champion', 'Escalation call'],
  email: ['Sent adoption summary', 'Shared release notes', 'Follow-up on action items', 'Training invite', 'Usage nudge'],
  meeting: ['Onsite workshop', 'Admin office hours', 'Executive sponsor meeting', 'Kickoff meeting', 'Roadmap preview'],
  support_case: [
    'Export times out on large reports',
    'SSO login loop',
    'CRM sync missing contacts',
    'Dashboard shows stale data',
    'Automation rule not firing',
    'Bulk import rejects dates',
    'Permission error for managers',
  ],
} as const;

export const TOUCHPOINT_NOTES = [
  'Champion engaged; wants more training material.',
  'Concerned about seat cost at renewal.',
  'Asked for a roadmap preview.',
  'New department lead interested in dashboards.',
  'Sponsor travelling; follow up next week.',
  null,
  null,
  null,
] as const;

export const CUSTOM_MILESTONES = [
  ['CRM integration live', 45],
  ['First automated workflow', 40],
  ['Executive sponsor sign-off', 20],
  ['Rollout to a second department', 120],
  ['Admin certification', 60],
] as const;
