/** Shapes of the Rapport API's answers, as the OpenAPI document at /api/openapi.json gives them. */

export interface TeamSummary {
  id: string;
  name: string | null;
  kind: 'team' | 'groupChat';
}

/** `GET /api/v1/teams/{teamId}`. */
export interface TeamInfo extends TeamSummary {
  members: number;
  /** When Rapport was last installed there; null when not recorded. */
  installedAt: string | null;
}

export interface Me {
  tenantId: string;
  aadObjectId: string;
  name: string;
  teams: TeamSummary[];
}

export interface Person {
  aadObjectId: string;
  name: string;
}

export interface Recognition {
  id: string;
  sender: Person;
  recipients: Person[];
  tag: { kind: 'trait' | 'value'; id: string; label?: string };
  message: string;
  /** The working agreement the giver said it lived ("Living our agreement: …"). */
  agreement: { id: string; title: string } | null;
  week: string;
  createdAt: string;
}

export interface RecognitionPage {
  items: Recognition[];
  nextCursor: string | null;
}

export interface QuietMembers {
  days: number;
  members: Person[];
}

export interface TraitAverage {
  trait: string;
  average: number;
  answers: number;
}

export type TrustWeek =
  | {
      week: string;
      status: 'ok';
      answers: number;
      participation: number | null;
      traits: TraitAverage[];
      recognitions: Record<string, number>;
    }
  | { week: string; status: 'insufficient'; reason: string; recognitions: Record<string, number> }
  | { week: string; status: 'no-round'; recognitions: Record<string, number> };

export interface TrustHealth {
  weeks: TrustWeek[];
  minGroupSize: number;
}

export interface Feedback {
  weeks: { week: string; comments: string[] }[];
}

export interface StoredField {
  field: string;
  why: string;
  visibleTo: string;
  kept: string;
}

export interface PrivacyDescription {
  stored: { record: string; fields: StoredField[] }[];
  notStored: string[];
}

export type AgreementCategory =
  | 'communication'
  | 'meetings'
  | 'availability'
  | 'feedback'
  | 'collaboration'
  | 'connection'
  | 'other';

export type AgreementStatus = 'proposed' | 'active' | 'retired' | 'declined';

/** One run of a word diff: unchanged, added or removed (whitespace kept). */
export interface WordChange {
  value: string;
  added?: true;
  removed?: true;
}

export interface ContentDiff {
  title: WordChange[];
  text: WordChange[];
  category: { from: AgreementCategory; to: AgreementCategory } | null;
}

export interface AgreementContent {
  title: string;
  text: string;
  category: AgreementCategory;
}

export interface ObjectionView {
  id: string;
  by: Person;
  reason: string;
  withdrawn: boolean;
  answered: boolean;
  answers: { id: string; by: Person; text: string }[];
}

export interface AgreementProposal {
  id: string;
  agreementId: string;
  kind: 'new' | 'change' | 'retire';
  status: 'open' | 'adopted' | 'rejected' | 'superseded';
  phase: 'voting' | 'awaiting-answers' | 'awaiting-lead' | 'decided';
  content: AgreementContent | null;
  diff: ContentDiff | null;
  note: string | null;
  reviewAfterDays: number | null;
  proposedBy: Person;
  createdAt: string;
  closesAt: string;
  tally: {
    endorsements: number;
    objections: number;
    unansweredObjections: number;
    members: number;
  };
  objections: ObjectionView[];
  myResponse: 'endorse' | 'object' | null;
  canRatify: boolean;
  decidedAt: string | null;
  ratifiedBy: Person | null;
  /** The decision rule, in words. */
  rule: string;
}

export interface AgreementSummary extends AgreementContent {
  id: string;
  status: AgreementStatus;
  version: number;
  templateId: string | null;
  /** Local date (YYYY-MM-DD) in the team's time zone. */
  reviewOn: string | null;
  reviewAfterDays: number;
  createdAt: string;
  createdBy: Person;
  adoptedAt: string | null;
  openProposal: AgreementProposal | null;
}

export interface AgreementVersion extends AgreementContent {
  version: number;
  proposalId?: string;
  proposedBy: Person;
  adoptedAt: string;
  decidedBy: { kind: 'team' } | { kind: 'lead'; lead: Person };
  diff: ContentDiff | null;
}

export interface AgreementEvent {
  kind:
    | 'proposed'
    | 'change-proposed'
    | 'retire-proposed'
    | 'adopted'
    | 'changed'
    | 'retired'
    | 'not-adopted'
    | 'superseded'
    | 'kept';
  at: string;
  by: Person | null;
  proposalId: string | null;
  version: number | null;
  reviewOn: string | null;
}

export interface AgreementDetail extends AgreementSummary {
  versions: AgreementVersion[];
  history: AgreementEvent[];
  /** Newest first. */
  proposals: AgreementProposal[];
}

/** What every proposal action answers: the proposal, and its agreement without the proposal. */
export type ProposalWithAgreement = AgreementProposal & { agreement: AgreementSummary };

export interface AgreementTemplate extends AgreementContent {
  id: string;
  suggestedMessage?: string;
}

export type Weekday =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export interface CheckinQuestion {
  id: string;
  trait: string;
  text: string;
}

export interface Cadence {
  every: 'week' | 'two-weeks';
  day: Weekday;
  /** HH:MM, 24-hour, in `timeZone`. */
  time: string;
  timeZone: string;
  windowHours: number;
  /** Local dates (YYYY-MM-DD) when no round opens. */
  quietDays: string[];
}

export interface CheckinSettings {
  enabled: boolean;
  cadence: Cadence;
  questions: CheckinQuestion[];
  freeText: { enabled: boolean; prompt: string };
  minGroupSize: number;
}

export interface CheckinConfig {
  settings: CheckinSettings;
  /** aadObjectIds of the members who may edit the settings directly. */
  leads: string[];
  isLead: boolean;
  nextRoundAt: string | null;
  /** The round open now: only its participation, its results show once it closes. */
  openRound: OpenRound | null;
}

export interface OpenRound {
  id: string;
  closesAt: string;
  invited: number;
  answered: number;
}

export interface SettingsProposal {
  id: string;
  change: { cadence?: Cadence; questions?: CheckinQuestion[] };
  createdAt: string;
  closesAt: string;
  status: 'open' | 'adopted' | 'rejected';
  approvals: number;
  rejections: number;
  myVote: 'approve' | 'reject' | null;
  rule: string;
}

export interface CheckinRound {
  id: string;
  week: string;
  opensAt: string;
  closesAt: string;
  invited: number;
}
