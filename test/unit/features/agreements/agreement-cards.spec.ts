import {
  decisionOf,
  tally,
  type Agreement,
  type AgreementProposal,
  type Author,
} from '../../../../bot/src/features/agreements/domain/agreement';
import type { ProposalState } from '../../../../bot/src/features/agreements/domain/agreement-ports';
import type { AdaptiveCard } from '../../../../bot/src/platform/teams/cards/adaptive-card';
import {
  agreementNoticeCard,
  decisionCard,
  proposalCard,
  reviewCard,
} from '../../../../bot/src/features/agreements/teams/cards/agreement-card';
import { recognitionCard } from '../../../../bot/src/features/recognition/teams/cards/recognition-card';
import { recognitionFormCard } from '../../../../bot/src/features/recognition/teams/cards/recognition-form-card';
import { expectValidCard, shownText } from '../../../support/adaptive-card-check';
import { translator } from '../../../../bot/src/platform/i18n/messages';

const en = translator('en');

const LINK = 'https://teams.microsoft.com/l/entity/app/wall?context=x';
const created = new Date('2027-03-01T10:00:00Z');
const closesAt = new Date('2027-03-08T10:00:00Z');
const during = new Date('2027-03-03T10:00:00Z');
const after = new Date('2027-03-09T10:00:00Z');

const ana: Author = { aadObjectId: 'aad-ana', name: 'Ana' };
const bo: Author = { aadObjectId: 'aad-bo', name: 'Bo <at>Everyone</at>' };
const chen: Author = { aadObjectId: 'aad-chen', name: 'Chen_' };

const agreement: Agreement = {
  id: 'a1',
  teamId: 'team',
  status: 'active',
  content: {
    title: 'Replies *within* a day',
    text: 'We answer within a day.\n- [Urgent](http://evil.example): call.\n# not a heading',
    category: 'communication',
  },
  version: 1,
  versions: [
    {
      title: 'Replies *within* a day',
      text: 'We answer within a day.',
      category: 'communication',
      version: 1,
      proposalId: 'p0',
      proposedBy: ana,
      adoptedAt: created,
      decidedBy: { kind: 'team' },
    },
  ],
  events: [],
  reviewAfterDays: 90,
  reviewOn: '2027-06-01',
  createdAt: created,
  createdBy: ana,
  revision: 3,
};

function proposal(overrides: Partial<AgreementProposal> = {}): AgreementProposal {
  return {
    id: 'p1',
    teamId: 'team',
    agreementId: 'a1',
    kind: 'change',
    content: { ...agreement.content, text: 'We answer within two days.' },
    baseVersion: 1,
    note: 'Time zones make *a day* hard',
    proposedBy: bo,
    createdAt: created,
    closesAt,
    endorsedBy: ['aad-bo', 'aad-ana'],
    objections: [
      {
        id: 'o1',
        by: chen,
        reason: 'What about [incidents](http://x)?',
        answers: [{ id: 'x1', by: ana, text: 'Incidents have their **own** rota.' }],
        withdrawn: false,
      },
      { id: 'o2', by: ana, reason: 'Withdrawn worry', answers: [], withdrawn: true },
    ],
    status: 'open',
    revision: 2,
    ...overrides,
  };
}

const state = (p: AgreementProposal, now = during, rosterSize = 6): ProposalState => ({
  proposal: p,
  decision: decisionOf(p, rosterSize, now),
  tally: tally(p),
  rosterSize,
});

/**
 * Characters that start Teams' Markdown (links, emphasis, code, mention markup) where they are not
 * escaped. Parentheses alone do nothing without a bracket before them, and our own text uses them.
 */
function unescapedSpecials(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if ('[]*_`<>'.includes(text[i])) found.push(text[i]);
  }
  return found;
}

/** Every TextBlock, also inside containers. */
function texts(card: AdaptiveCard): string[] {
  const walk = (items: Record<string, unknown>[]): string[] =>
    items.flatMap((e) =>
      e.type === 'TextBlock'
        ? [String(e.text)]
        : Array.isArray(e.items)
          ? walk(e.items as Record<string, unknown>[])
          : [],
    );
  return walk(card.body);
}

describe('proposalCard', () => {
  const cases: [string, ProposalState, Parameters<typeof proposalCard>[3]][] = [
    ['a change while voting', state(proposal()), { link: LINK }],
    [
      'a new agreement',
      state(proposal({ kind: 'new', baseVersion: 0, objections: [], note: undefined })),
      {},
    ],
    ['a retire proposal', state(proposal({ kind: 'retire', content: undefined })), { link: LINK }],
    [
      'awaiting answers after the window',
      state(
        proposal({
          objections: [{ id: 'o1', by: chen, reason: 'Not yet', answers: [], withdrawn: false }],
        }),
        after,
      ),
      { link: LINK },
    ],
    [
      'a tie after the window',
      state(
        proposal({
          endorsedBy: ['aad-bo'],
          objections: [{ id: 'o1', by: chen, reason: 'Not yet', answers: [], withdrawn: false }],
        }),
        after,
        8,
      ),
      { link: LINK },
    ],
    [
      'adopted by a lead',
      state(proposal({ status: 'adopted', ratifiedBy: ana, decidedAt: after })),
      { link: LINK },
    ],
    ['rejected', state(proposal({ status: 'rejected', decidedAt: after })), { link: LINK }],
    ['superseded', state(proposal({ status: 'superseded', decidedAt: after })), {}],
    [
      'with a notice and an error for the member who acted',
      state(proposal()),
      { link: LINK, notice: 'You endorse this.', error: 'reason: at least 5 [characters]' },
    ],
  ];

  it.each(cases)('is a valid version 1.5 card for %s', (_name, s, options) => {
    expectValidCard(proposalCard(agreement, s, en, options));
  });

  it('offers Endorse and Object, with the reason input, only while the window is open', () => {
    const open = proposalCard(agreement, state(proposal()), en, { link: LINK });
    expect(open.actions?.map((a) => [a.type, a.title, a.verb])).toEqual([
      ['Action.Execute', 'Endorse', 'agreement.endorse'],
      ['Action.Execute', 'Object', 'agreement.object'],
      ['Action.OpenUrl', 'Open in Rapport', undefined],
    ]);
    expect(open.actions?.[0]).toMatchObject({
      data: { proposalId: 'p1' },
      associatedInputs: 'none',
    });
    expect(open.body.find((e) => e.type === 'Input.Text')).toMatchObject({
      id: 'reason',
      maxLength: 500,
    });

    const closed = proposalCard(agreement, state(proposal(), after), en, { link: LINK });
    expect(closed.actions?.map((a) => a.title)).toEqual(['Answer or ratify in Rapport']);
    expect(closed.body.some((e) => e.type === 'Input.Text')).toBe(false);
  });

  it('shows the rule, the tally and each standing objection with its answers', () => {
    const all = texts(proposalCard(agreement, state(proposal()), en, { link: LINK })).join('\n');

    expect(all).toContain('How we decide: The change takes effect when most of the members');
    expect(all).toContain('✅ 2 endorse · ✋ 1 objects (of 6 members)');
    expect(all).toContain('Chen\\_ objects: What about \\[incidents\\](http://x)?');
    expect(all).toContain('↳ Ana: Incidents have their \\*\\*own\\*\\* rota.');
    expect(all).not.toContain('Withdrawn worry');
  });

  it('says when the response window ends in each viewer’s own time, not in UTC', () => {
    const all = texts(proposalCard(agreement, state(proposal()), en, { link: LINK })).join('\n');

    expect(all).toContain(
      'Open for responses until {{DATE(2027-03-08T10:00:00Z, SHORT)}} at {{TIME(2027-03-08T10:00:00Z)}}.',
    );
    expect(shownText(all)).not.toMatch(/UTC|\{\{/);
  });

  it('escapes every member’s text: names, title, text, note, reasons and answers', () => {
    for (const text of texts(proposalCard(agreement, state(proposal()), en, { link: LINK }))) {
      expect(unescapedSpecials(text)).toEqual([]);
    }
    const all = texts(
      proposalCard(agreement, state(proposal({ kind: 'retire', content: undefined })), en),
    ).join('\n');
    expect(all).toContain('Proposed by Bo \\<at\\>Everyone\\</at\\>');
    expect(all).toContain('\\- \\[Urgent\\](http://evil.example): call.\n\\# not a heading');
  });
});

describe('reviewCard', () => {
  it.each([
    ['asking', {}],
    ['answered', { outcome: 'Kept by Ana. Next review on 2027-08-30.' }],
    ['with an error', { error: 'This agreement already has an open proposal.' }],
  ])('is a valid version 1.5 card %s', (_name, extra) => {
    expectValidCard(reviewCard(agreement, en, { link: LINK, ...extra }));
  });

  it('asks "Still keeping this?" with Keep, Change (the tab) and Retire', () => {
    const card = reviewCard(agreement, en, { link: LINK });

    expect(texts(card)[0]).toBe('🔁 Still keeping this?');
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Keep',
        verb: 'agreement.keep',
        data: { agreementId: 'a1', reviewOn: '2027-06-01' },
        style: 'positive',
      },
      { type: 'Action.OpenUrl', title: 'Change', url: LINK },
      {
        type: 'Action.Execute',
        title: 'Retire',
        verb: 'agreement.retire',
        data: { agreementId: 'a1' },
      },
    ]);
    for (const text of texts(card)) expect(unescapedSpecials(text)).toEqual([]);
  });

  it('says since when the agreement is in force, as a date in each viewer’s own zone', () => {
    const all = texts(reviewCard(agreement, en, { link: LINK })).join('\n');

    expect(all).toContain('In force since {{DATE(2027-03-01T10:00:00Z, SHORT)}} (version 1).');
  });

  it('keeps only the link once someone answered', () => {
    const card = reviewCard(agreement, en, { link: LINK, outcome: 'Kept by Ana.' });
    expect(card.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });
});

describe('decisionCard and the notice card', () => {
  it.each([
    ['adopted', proposal({ kind: 'new', status: 'adopted', decidedAt: during })],
    ['changed by a lead', proposal({ status: 'adopted', ratifiedBy: bo, decidedAt: after })],
    ['retired', proposal({ kind: 'retire', status: 'adopted', decidedAt: after })],
  ])('is a valid version 1.5 card when %s', (_name, p) => {
    const card = decisionCard(agreement, p, LINK, en);
    expectValidCard(card);
    for (const text of texts(card)) expect(unescapedSpecials(text)).toEqual([]);
  });

  it('says who ratified it and that objections are on record', () => {
    const card = decisionCard(
      agreement,
      proposal({ status: 'adopted', ratifiedBy: ana, decidedAt: after }),
      LINK,
      en,
    );
    expect(texts(card).join('\n')).toContain(
      'Ratified by Ana after the response window, with 1 objection on record. We review it on 2027-06-01.',
    );
  });

  it('is a valid card for a notice', () => {
    expectValidCard(agreementNoticeCard('This card could not be read any more.'));
  });
});

describe('citing an agreement in a recognition', () => {
  it('shows "Living our agreement" on the recognition card, escaped', () => {
    const card = recognitionCard(
      {
        sender: ana,
        recipients: [{ aadObjectId: 'aad-bo', name: 'Bo', teamsUserId: '29:bo' }],
        tag: { kind: 'trait', id: 'psychological-safety' },
        message: 'Asked kindly.',
        agreement: { id: 'a1', title: 'We ask *openly*' },
      },
      LINK,
      en,
    );
    expectValidCard(card);
    expect(texts(card)).toContain('🤝 Living our agreement: We ask \\*openly\\*');
  });

  it('offers the team’s active agreements on the form, keeping the choice', () => {
    const card = recognitionFormCard({
      submit: 'execute',
      t: en,
      agreements: [{ id: 'a1', title: 'Cameras are optional' }],
      prefill: { agreementId: 'a1' },
    });
    expectValidCard(card);
    expect(card.body.find((e) => e.id === 'agreement')).toMatchObject({
      type: 'Input.ChoiceSet',
      value: 'a1',
      choices: [{ title: 'Cameras are optional', value: 'a1' }],
    });
    expect(
      recognitionFormCard({ submit: 'task', t: en }).body.some((e) => e.id === 'agreement'),
    ).toBe(false);
  });
});
