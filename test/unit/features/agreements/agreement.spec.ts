import {
  AgreementError,
  MAX_TEXT,
  MAX_TITLE,
  answerObjection,
  applyProposal,
  checkinQuestionFor,
  contentDiff,
  decisionOf,
  endorse,
  normalizeText,
  object,
  ratify,
  responseOf,
  reviewDate,
  reviewInstant,
  settleProposal,
  tally,
  wordDiff,
  type Agreement,
  type AgreementProposal,
  type Author,
} from '../../../../bot/src/features/agreements/domain/agreement';
import { agreementDecision } from '../../../../bot/src/features/agreements/domain/agreement-decision';
import { ruleText, templateIn } from '../../../../bot/src/features/agreements/agreement-wording';
import { LOCALES } from '../../../../bot/src/platform/domain/locales';
import { translator } from '../../../../bot/src/platform/i18n/messages';
import { AGREEMENT_TEMPLATES } from '../../../../bot/src/features/agreements/domain/agreement-templates';
import { refusalOf } from '../../../support/refusal';

const DAY = 86_400_000;
const created = new Date('2027-03-01T10:00:00Z');
const closesAt = new Date(created.getTime() + 7 * DAY);
const during = new Date(created.getTime() + 2 * DAY);
const after = new Date(closesAt.getTime() + 1000);

const person = (name: string): Author => ({ aadObjectId: `aad-${name}`, name });
const [ana, bo, chen, dee, eli] = ['Ana', 'Bo', 'Chen', 'Dee', 'Eli'].map(person);

function proposal(overrides: Partial<AgreementProposal> = {}): AgreementProposal {
  return {
    id: 'p1',
    teamId: 'team',
    agreementId: 'a1',
    kind: 'new',
    content: {
      title: 'Cameras are optional',
      text: 'Nobody has to turn it on.',
      category: 'meetings',
    },
    baseVersion: 0,
    proposedBy: ana,
    createdAt: created,
    closesAt,
    endorsedBy: [ana.aadObjectId],
    objections: [],
    status: 'open',
    revision: 0,
    ...overrides,
  };
}

const decide = (
  counts: { e: number; o?: number; u?: number; n: number },
  now: Date,
  votingClosed = false,
) =>
  agreementDecision({
    endorsements: counts.e,
    objections: counts.o ?? 0,
    unansweredObjections: counts.u ?? 0,
    rosterSize: counts.n,
    closesAt,
    now,
    votingClosed,
  });

let ids = 0;
const nextId = () => `id-${++ids}`;

describe('the agreement decision rule', () => {
  it('adopts early once more than half of the team endorses and no objection is unanswered', () => {
    expect(decide({ e: 3, n: 5 }, during)).toEqual({ outcome: 'adopted' });
    expect(decide({ e: 3, o: 1, u: 0, n: 5 }, during)).toEqual({ outcome: 'adopted' });
  });

  it('keeps voting open while half or fewer have endorsed', () => {
    expect(decide({ e: 2, n: 4 }, during)).toEqual({ outcome: 'open', phase: 'voting' });
    expect(decide({ e: 1, n: 5 }, during)).toEqual({ outcome: 'open', phase: 'voting' });
  });

  it('lets an unanswered objection block adoption, even against a large majority', () => {
    expect(decide({ e: 4, o: 1, u: 1, n: 5 }, during)).toEqual({
      outcome: 'open',
      phase: 'voting',
    });
    expect(decide({ e: 4, o: 1, u: 1, n: 5 }, after)).toEqual({
      outcome: 'open',
      phase: 'awaiting-answers',
    });
  });

  it('adopts once the objection is answered', () => {
    expect(decide({ e: 4, o: 1, u: 0, n: 5 }, during)).toEqual({ outcome: 'adopted' });
  });

  it('after the window, counts only those who responded: a majority of them suffices', () => {
    expect(decide({ e: 2, o: 1, n: 10 }, after)).toEqual({ outcome: 'adopted' });
    expect(decide({ e: 1, n: 10 }, after)).toEqual({ outcome: 'adopted' });
  });

  it('rejects early when more than half of the team objects', () => {
    expect(decide({ e: 1, o: 3, u: 3, n: 5 }, during)).toEqual({
      outcome: 'rejected',
      reason: 'majority-objects',
    });
  });

  it('leaves a tie after the window to a lead, and rejects when fewer endorse than object', () => {
    expect(decide({ e: 2, o: 2, n: 4 }, during)).toEqual({ outcome: 'open', phase: 'voting' });
    expect(decide({ e: 2, o: 2, n: 6 }, after)).toEqual({
      outcome: 'open',
      phase: 'awaiting-lead',
    });
    expect(decide({ e: 1, o: 2, n: 6 }, after)).toEqual({
      outcome: 'rejected',
      reason: 'no-majority',
    });
    expect(decide({ e: 0, n: 6 }, after)).toEqual({ outcome: 'rejected', reason: 'no-majority' });
  });

  it('treats a window the scheduler closed as ended, whatever the clock says', () => {
    expect(decide({ e: 2, o: 1, u: 1, n: 8 }, during, true)).toEqual({
      outcome: 'open',
      phase: 'awaiting-answers',
    });
  });

  it('states the rule in words for each kind of proposal', () => {
    const en = translator('en');
    expect(ruleText('new', en)).toMatch(
      /^It becomes active when most of the members who respond within 7 days/,
    );
    expect(ruleText('change', en)).toMatch(/^The change takes effect/);
    expect(ruleText('retire', en)).toMatch(/^It is retired/);
    expect(ruleText('new', en)).toMatch(/a lead can ratify/);
    expect(ruleText('new', translator('de'))).toMatch(/7 Tage/);
  });
});

describe('responses: one per member', () => {
  it('counts an endorsement once, however often it is given', () => {
    const p = endorse(endorse(proposal(), bo, during), bo, during);

    expect(tally(p)).toEqual({ endorsements: 2, objections: 0, unansweredObjections: 0 });
  });

  it('replaces an endorsement with an objection, and an objection with an endorsement', () => {
    const objected = object(
      proposal(),
      ana,
      'Some of us need to be seen to be heard.',
      nextId(),
      during,
    );
    expect(responseOf(objected, ana.aadObjectId)).toBe('object');
    expect(tally(objected)).toEqual({ endorsements: 0, objections: 1, unansweredObjections: 1 });

    const withdrawn = endorse(objected, ana, during);
    expect(responseOf(withdrawn, ana.aadObjectId)).toBe('endorse');
    expect(tally(withdrawn)).toEqual({ endorsements: 1, objections: 0, unansweredObjections: 0 });
    // The withdrawn objection stays on the record, marked as such.
    expect(withdrawn.objections).toEqual([expect.objectContaining({ withdrawn: true })]);
  });

  it('keeps one standing objection per member: a new reason replaces the old', () => {
    const first = object(proposal(), bo, 'Too vague to follow.', nextId(), during);
    const second = object(first, bo, 'We need an exception for on-call.', nextId(), during);

    expect(tally(second).objections).toBe(1);
    expect(second.objections.map((o) => [o.reason, o.withdrawn])).toEqual([
      ['Too vague to follow.', true],
      ['We need an exception for on-call.', false],
    ]);
  });

  it.each([
    ['', /at least 5 characters/],
    ['meh', /at least 5 characters/],
    ['x'.repeat(501), /500 characters/],
  ])('refuses an objection whose reason is %#', (reason, message) => {
    expect(refusalOf(() => object(proposal(), bo, reason, nextId(), during))).toMatch(message);
  });

  it('refuses responses after the window, and on a decided proposal', () => {
    expect(() => endorse(proposal(), bo, after)).toThrow(
      expect.objectContaining({ code: 'AGREEMENT_VOTING_CLOSED' }),
    );
    expect(() => endorse(proposal({ status: 'adopted' }), bo, during)).toThrow(
      expect.objectContaining({ code: 'AGREEMENT_PROPOSAL_DECIDED' }),
    );
  });

  it('lets anyone but the objector answer an objection, also after the window', () => {
    const objected = object(proposal(), bo, 'What about customer calls?', 'o1', during);

    expect(() => answerObjection(objected, 'o1', bo, 'Fine by me', nextId())).toThrow(
      expect.objectContaining({ code: 'AGREEMENT_OWN_OBJECTION' }),
    );
    const answered = answerObjection(objected, 'o1', ana, 'Customer calls are the exception.', 'x');
    expect(answered.objections[0].answers).toEqual([
      { id: 'x', by: ana, text: 'Customer calls are the exception.' },
    ]);
    expect(tally(answered).unansweredObjections).toBe(0);
    expect(() => answerObjection(objected, 'nope', ana, 'hello', nextId())).toThrow(
      expect.objectContaining({ code: 'AGREEMENT_OBJECTION_NOT_FOUND' }),
    );
  });
});

describe('deciding a proposal', () => {
  const withResponses = () => {
    let p = proposal();
    for (const m of [bo, chen, dee]) p = endorse(p, m, during);
    return object(p, eli, 'I need my camera on to read the room.', 'o1', during);
  };

  it('blocks on the unanswered objection, then adopts when it is answered', () => {
    const blocked = withResponses();
    expect(decisionOf(blocked, 5, during)).toEqual({ outcome: 'open', phase: 'voting' });

    const answered = answerObjection(
      blocked,
      'o1',
      ana,
      'Ask people to turn it on when it matters.',
      'a1',
    );
    const decision = decisionOf(answered, 5, during);
    expect(decision).toEqual({ outcome: 'adopted' });
    expect(settleProposal(answered, decision, during)).toMatchObject({
      status: 'adopted',
      decidedAt: during,
    });
  });

  it('lets a lead ratify only after the window', () => {
    const blocked = withResponses();

    expect(() => ratify(blocked, ana, true, decisionOf(blocked, 5, during), during)).toThrow(
      expect.objectContaining({ code: 'AGREEMENT_WINDOW_OPEN' }),
    );
    const ratified = ratify(blocked, ana, true, decisionOf(blocked, 5, after), after);
    expect(ratified).toMatchObject({ status: 'adopted', ratifiedBy: ana, decidedAt: after });
    // The objection stays on the record.
    expect(tally(ratified).unansweredObjections).toBe(1);
  });

  it('lets only a lead ratify', () => {
    const blocked = withResponses();

    expect(() => ratify(blocked, bo, false, decisionOf(blocked, 5, after), after)).toThrow(
      expect.objectContaining({ code: 'NOT_A_LEAD' }),
    );
  });

  it('does not let a lead overturn a proposal the team rejected', () => {
    let p = proposal({ endorsedBy: [] });
    for (const m of [bo, chen, dee])
      p = object(p, m, 'This does not work for us.', nextId(), during);
    const decision = decisionOf(p, 5, during);

    expect(decision).toEqual({ outcome: 'rejected', reason: 'majority-objects' });
    expect(() => ratify(settleProposal(p, decision, during), ana, true, decision, after)).toThrow(
      expect.objectContaining({ code: 'AGREEMENT_PROPOSAL_DECIDED' }),
    );
  });
});

describe('applying decided proposals to the agreement', () => {
  const draft: Agreement = {
    id: 'a1',
    teamId: 'team',
    status: 'proposed',
    content: {
      title: 'Cameras are optional',
      text: 'Nobody has to turn it on.',
      category: 'meetings',
    },
    version: 0,
    versions: [],
    events: [],
    reviewAfterDays: 90,
    openProposalId: 'p1',
    createdAt: created,
    createdBy: ana,
    revision: 0,
  };

  it('makes an adopted agreement active, version 1, reviewed 90 days later in the team’s zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Tokyo.
    const at = new Date('2027-03-01T23:30:00Z');
    const adopted = applyProposal(
      draft,
      proposal({ status: 'adopted', decidedAt: at }),
      'Asia/Tokyo',
    );

    expect(adopted).toMatchObject({
      status: 'active',
      version: 1,
      reviewOn: '2027-05-31',
      openProposalId: undefined,
      revision: 1,
    });
    expect(adopted.versions).toEqual([
      expect.objectContaining({
        version: 1,
        proposalId: 'p1',
        proposedBy: ana,
        decidedBy: { kind: 'team' },
      }),
    ]);
    // Applying twice changes nothing.
    expect(
      applyProposal(adopted, proposal({ status: 'adopted', decidedAt: at }), 'Asia/Tokyo'),
    ).toBe(adopted);
  });

  it('adds a version for a change and retires for a retire proposal', () => {
    const active = applyProposal(draft, proposal({ status: 'adopted', decidedAt: during }), 'UTC');
    const changed = applyProposal(
      { ...active, openProposalId: 'p2' },
      proposal({
        id: 'p2',
        kind: 'change',
        baseVersion: 1,
        content: { ...active.content, text: 'Nobody has to turn it on, ever.' },
        status: 'adopted',
        decidedAt: after,
        ratifiedBy: bo,
      }),
      'UTC',
    );
    expect(changed.version).toBe(2);
    expect(changed.versions[1].decidedBy).toEqual({ kind: 'lead', lead: bo });

    const retired = applyProposal(
      changed,
      proposal({
        id: 'p3',
        kind: 'retire',
        content: undefined,
        status: 'adopted',
        decidedAt: after,
      }),
      'UTC',
    );
    expect(retired).toMatchObject({ status: 'retired', reviewOn: undefined, version: 2 });
    expect(retired.events.map((e) => e.kind)).toEqual(['adopted', 'changed', 'retired']);
  });

  it('declines a new agreement the team did not adopt, and leaves an active one as it was', () => {
    expect(
      applyProposal(draft, proposal({ status: 'rejected', decidedAt: after }), 'UTC').status,
    ).toBe('declined');
    const active = applyProposal(draft, proposal({ status: 'adopted', decidedAt: during }), 'UTC');
    const kept = applyProposal(
      active,
      proposal({ id: 'p9', kind: 'retire', status: 'rejected', decidedAt: after }),
      'UTC',
    );
    expect(kept).toMatchObject({ status: 'active', version: 1, content: active.content });
  });
});

describe('versions, reviews and questions', () => {
  it('diffs word by word, keeping enough to rebuild both texts', () => {
    const before = 'We answer within a day.\n- Urgent: call.';
    const afterText = 'We answer within two working days.\n- Urgent: call us.';
    const diff = wordDiff(before, afterText);

    expect(
      diff
        .filter((c) => !c.added)
        .map((c) => c.value)
        .join(''),
    ).toBe(before);
    expect(
      diff
        .filter((c) => !c.removed)
        .map((c) => c.value)
        .join(''),
    ).toBe(afterText);
    expect(diff).toContainEqual({ value: 'two', added: true });
    expect(diff).toContainEqual({ value: 'a', removed: true });
    expect(
      contentDiff(
        { title: 'T', text: before, category: 'availability' },
        { title: 'T', text: before, category: 'communication' },
      ).category,
    ).toEqual({ from: 'availability', to: 'communication' });
  });

  it('puts the review reminder at 09:00 on the local review date, across daylight saving', () => {
    expect(reviewDate(new Date('2027-01-05T12:00:00Z'), 90, 'Europe/Berlin')).toBe('2027-04-05');
    expect(reviewInstant('2027-04-05', 'Europe/Berlin')).toEqual(new Date('2027-04-05T07:00:00Z'));
    expect(reviewInstant('2027-01-05', 'Europe/Berlin')).toEqual(new Date('2027-01-05T08:00:00Z'));
  });

  it('turns an agreement into a check-in question whose trait follows its category', () => {
    const q = (category: Agreement['content']['category']) =>
      checkinQuestionFor(
        {
          id: '0b9f3c1e-8d2a-4c6b-9e1f-2a3b4c5d6e7f',
          content: { title: 'Cameras are optional.', text: 'x'.repeat(20), category },
        },
        (title) => `Are we keeping: ${title}?`,
      );

    expect(q('meetings')).toEqual({
      id: 'agreement-0b9f3c1e8d2a',
      trait: 'structure-clarity',
      text: 'Are we keeping: Cameras are optional?',
    });
    expect(
      (
        [
          'communication',
          'feedback',
          'availability',
          'collaboration',
          'connection',
          'other',
        ] as const
      ).map((c) => q(c).trait),
    ).toEqual([
      'psychological-safety',
      'psychological-safety',
      'dependability',
      'dependability',
      'meaning',
      'structure-clarity',
    ]);
  });

  it('keeps line breaks and list lines, and drops control characters and extra blank lines', () => {
    expect(normalizeText('  One\r\n- two  \n\n\n\n3. three\u0007 ')).toBe('One\n- two\n\n3. three');
  });

  it.each([...LOCALES])(
    'offers eight templates that are valid agreements in %s, one with words to ask a quiet colleague',
    (locale) => {
      const templates = AGREEMENT_TEMPLATES.map((t) => templateIn(t, translator(locale)));
      expect(templates).toHaveLength(8);
      for (const t of templates) {
        expect(t.title.length).toBeLessThanOrEqual(MAX_TITLE);
        expect(t.text.length).toBeLessThanOrEqual(MAX_TEXT);
        expect(normalizeText(t.text)).toBe(t.text);
      }
      const quiet = templates.find((t) => t.id === 'ask-openly-and-kindly')!;
      expect(quiet.text).toContain(quiet.suggestedMessage);
      expect(templates.filter((t) => t.suggestedMessage)).toEqual([quiet]);
    },
  );

  it('words the quiet-colleague message kindly, asking for no account', () => {
    const en = AGREEMENT_TEMPLATES.map((t) => templateIn(t, translator('en')));
    expect(en.find((t) => t.id === 'ask-openly-and-kindly')?.suggestedMessage).toMatch(
      /no need to explain/,
    );
  });

  it('names its errors with stable codes', () => {
    expect(new AgreementError('AGREEMENT_NOT_FOUND')).toMatchObject({
      code: 'AGREEMENT_NOT_FOUND',
      name: 'AgreementError',
    });
  });
});
