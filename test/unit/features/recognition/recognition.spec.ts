import {
  MAX_RECOGNITION_LENGTH,
  RecognitionError,
  completeCommand,
  matchTag,
  notInConversationError,
  parseRecognizeText,
  validateRecognition,
  type Person,
  type RecognitionInput,
  type TeamValue,
} from '../../../../bot/src/features/recognition/domain/recognition';
import { refusalOf } from '../../../support/refusal';

const ana: Person = { aadObjectId: 'aad-ana', name: 'Ana', teamsUserId: '29:ana' };
const bo: Person = { aadObjectId: 'aad-bo', name: 'Bo', teamsUserId: '29:bo' };
const me: Person = { aadObjectId: 'aad-me', name: 'Me' };

const values: TeamValue[] = [
  { id: 'ownership', label: 'Ownership' },
  { id: 'customer-first', label: 'Customer first' },
];

function input(overrides: Partial<RecognitionInput> = {}): RecognitionInput {
  return {
    sender: me,
    recipients: [ana],
    tag: 'dependability',
    message: 'Great release notes',
    ...overrides,
  };
}

function refusal(run: () => unknown): RecognitionError {
  try {
    run();
  } catch (err) {
    if (err instanceof RecognitionError) return err;
    throw err;
  }
  throw new Error('expected the recognition to be refused');
}

const words = (text: string) => text.split(' ');

describe('validateRecognition', () => {
  it('accepts a recognition of a colleague for a trait, trimming the message', () => {
    const valid = validateRecognition(input({ message: '  Great release notes \n' }), values);

    expect(valid).toEqual({
      sender: me,
      recipients: [ana],
      tag: { kind: 'trait', id: 'dependability' },
      message: 'Great release notes',
    });
  });

  it('refuses an empty message', () => {
    expect(refusal(() => validateRecognition(input({ message: '' }), values)).code).toBe(
      'RECOGNITION_EMPTY_MESSAGE',
    );
  });

  it('refuses a message of only whitespace', () => {
    expect(refusal(() => validateRecognition(input({ message: ' \n\t ' }), values)).code).toBe(
      'RECOGNITION_EMPTY_MESSAGE',
    );
  });

  it('accepts a message of exactly 1000 characters', () => {
    const message = 'a'.repeat(MAX_RECOGNITION_LENGTH);

    expect(MAX_RECOGNITION_LENGTH).toBe(1000);
    expect(validateRecognition(input({ message }), values).message).toBe(message);
  });

  it('refuses a message of 1001 characters with RECOGNITION_TOO_LONG', () => {
    const error = refusal(() => validateRecognition(input({ message: 'a'.repeat(1001) }), values));

    expect(error.code).toBe('RECOGNITION_TOO_LONG');
    expect(refusalOf(() => validateRecognition(input({ message: 'a'.repeat(1001) }), values))).toBe(
      'Keep the message to 1000 characters (it has 1001).',
    );
  });

  it('measures the length after trimming surrounding whitespace', () => {
    const message = `  ${'a'.repeat(MAX_RECOGNITION_LENGTH)}  `;

    expect(validateRecognition(input({ message }), values).message).toHaveLength(1000);
  });

  it('refuses to let someone recognize themselves', () => {
    const error = refusal(() => validateRecognition(input({ recipients: [me] }), values));

    expect(error.code).toBe('RECOGNITION_SELF');
  });

  it('refuses self-recognition even when the sender is one of several recipients', () => {
    const error = refusal(() =>
      validateRecognition(input({ recipients: [ana, { ...me, name: 'Me again' }] }), values),
    );

    expect(error.code).toBe('RECOGNITION_SELF');
  });

  it('refuses a recognition with no recipient', () => {
    expect(refusal(() => validateRecognition(input({ recipients: [] }), values)).code).toBe(
      'RECOGNITION_NO_RECIPIENT',
    );
  });

  it('collapses the same person chosen twice into one recipient', () => {
    const valid = validateRecognition(input({ recipients: [ana, bo, { ...ana }] }), values);

    expect(valid.recipients.map((p) => p.aadObjectId)).toEqual(['aad-ana', 'aad-bo']);
  });

  it('refuses a tag that is neither a trait nor one of the team’s values', () => {
    const error = refusal(() => validateRecognition(input({ tag: 'heroics' }), values));

    expect(error.code).toBe('RECOGNITION_UNKNOWN_TAG');
    expect(refusalOf(() => validateRecognition(input({ tag: 'heroics' }), values))).toContain(
      'Dependability',
    );
  });

  it('refuses a value tag the team does not have', () => {
    expect(refusal(() => validateRecognition(input({ tag: 'value:speed' }), values)).code).toBe(
      'RECOGNITION_UNKNOWN_TAG',
    );
  });

  it('refuses a team value id given without its "value:" prefix', () => {
    expect(refusal(() => validateRecognition(input({ tag: 'ownership' }), values)).code).toBe(
      'RECOGNITION_UNKNOWN_TAG',
    );
  });

  it('accepts one of the team’s values as "value:<id>"', () => {
    const valid = validateRecognition(input({ tag: 'value:ownership' }), values);

    expect(valid.tag).toEqual({ kind: 'value', id: 'ownership', label: 'Ownership' });
  });
});

describe('matchTag', () => {
  it('matches a trait by its label, ignoring case', () => {
    expect(matchTag(['Dependability'], [])).toEqual({
      tag: { kind: 'trait', id: 'dependability' },
      consumed: 1,
    });
    expect(matchTag(['DEPENDABILITY', 'great'], [])).toEqual({
      tag: { kind: 'trait', id: 'dependability' },
      consumed: 1,
    });
  });

  it('matches a trait by a prefix of at least three letters', () => {
    expect(matchTag(words('dep great work'), [])).toEqual({
      tag: { kind: 'trait', id: 'dependability' },
      consumed: 1,
    });
    expect(matchTag(words('Psych thanks for speaking up'), [])).toEqual({
      tag: { kind: 'trait', id: 'psychological-safety' },
      consumed: 1,
    });
  });

  it('consumes both words of a two-word label', () => {
    expect(matchTag(words('psychological safety thanks for raising it'), [])).toEqual({
      tag: { kind: 'trait', id: 'psychological-safety' },
      consumed: 2,
    });
  });

  it('consumes the three words of "structure & clarity" and of "structure and clarity"', () => {
    const expected = { tag: { kind: 'trait', id: 'structure-clarity' }, consumed: 3 };

    expect(matchTag(words('structure & clarity the roadmap is clear now'), [])).toEqual(expected);
    expect(matchTag(words('Structure and Clarity the roadmap is clear now'), [])).toEqual(expected);
  });

  it('consumes one word when only "structure" is typed', () => {
    expect(matchTag(words('structure the roadmap'), [])).toEqual({
      tag: { kind: 'trait', id: 'structure-clarity' },
      consumed: 1,
    });
  });

  it('matches a trait by its id', () => {
    expect(matchTag(['structure-clarity', 'thanks'], [])).toEqual({
      tag: { kind: 'trait', id: 'structure-clarity' },
      consumed: 1,
    });
  });

  it('ignores punctuation stuck to the trait', () => {
    expect(matchTag(['impact:', 'shipped'], [])).toEqual({
      tag: { kind: 'trait', id: 'impact' },
      consumed: 1,
    });
  });

  it('gives up on a prefix shared by more than one trait or value', () => {
    const clashing: TeamValue[] = [{ id: 'depth', label: 'Depth' }];

    expect(matchTag(words('dep great work'), clashing)).toBeUndefined();
  });

  it('gives up on a prefix shorter than three letters', () => {
    expect(matchTag(words('de great work'), [])).toBeUndefined();
    expect(matchTag(['im'], [])).toBeUndefined();
  });

  it('matches nothing when the first words are the message itself', () => {
    expect(matchTag(words('great release notes'), [])).toBeUndefined();
    expect(matchTag([], [])).toBeUndefined();
  });

  it('matches the team’s values by label, id and prefix', () => {
    const ownership = { kind: 'value', id: 'ownership', label: 'Ownership' };
    const customerFirst = { kind: 'value', id: 'customer-first', label: 'Customer first' };

    expect(matchTag(words('ownership fixed it'), values)).toEqual({ tag: ownership, consumed: 1 });
    expect(matchTag(words('own fixed it'), values)).toEqual({ tag: ownership, consumed: 1 });
    expect(matchTag(words('Customer first called them back'), values)).toEqual({
      tag: customerFirst,
      consumed: 2,
    });
    expect(matchTag(words('customer-first called them back'), values)).toEqual({
      tag: customerFirst,
      consumed: 1,
    });
  });
});

describe('parseRecognizeText and completeCommand', () => {
  const anaMention = { marker: '<at>Ana</at>', person: ana };
  const boMention = { marker: '<at>Bo</at>', person: bo };

  function command(text: string, mentioned = [anaMention, boMention], teamValues = values) {
    const parsed = parseRecognizeText(text, mentioned);
    if (!parsed) throw new Error(`expected "${text}" to be read as a recognize command`);
    return { recipients: parsed.recipients, ...completeCommand(parsed, teamValues) };
  }

  it('reads the recipient, the trait and the message', () => {
    expect(
      command('recognize <at>Ana</at> for dependability great release notes', [anaMention]),
    ).toEqual({
      recipients: [ana],
      tag: { kind: 'trait', id: 'dependability' },
      message: 'great release notes',
    });
  });

  it('reads two mentions joined by "and"', () => {
    expect(command('recognize <at>Ana</at> and <at>Bo</at> for psych you both spoke up')).toEqual({
      recipients: [ana, bo],
      tag: { kind: 'trait', id: 'psychological-safety' },
      message: 'you both spoke up',
    });
  });

  it('reads mentions separated by commas', () => {
    expect(command('recognize <at>Ana</at>, <at>Bo</at> for impact shipped it').recipients).toEqual(
      [ana, bo],
    );
  });

  it('accepts the British spelling "recognise", in any case', () => {
    expect(command('Recognise <at>Ana</at> for dependability on time again')).toEqual({
      recipients: [ana],
      tag: { kind: 'trait', id: 'dependability' },
      message: 'on time again',
    });
  });

  it('consumes a three-word trait and keeps the rest as the message', () => {
    expect(command('recognize <at>Ana</at> for structure & clarity the plan is clear')).toEqual({
      recipients: [ana],
      tag: { kind: 'trait', id: 'structure-clarity' },
      message: 'the plan is clear',
    });
  });

  it('reads a team value as the tag', () => {
    expect(command('recognize <at>Bo</at> for ownership fixed the build')).toEqual({
      recipients: [bo],
      tag: { kind: 'value', id: 'ownership', label: 'Ownership' },
      message: 'fixed the build',
    });
  });

  it('leaves the tag undefined and keeps the whole rest as the message when no trait is named', () => {
    expect(command('recognize <at>Ana</at> great release notes')).toEqual({
      recipients: [ana],
      message: 'great release notes',
    });
    expect(command('recognize <at>Ana</at> for great release notes')).toEqual({
      recipients: [ana],
      message: 'great release notes',
    });
  });

  it('only takes recipients from mentions that appear in the text', () => {
    expect(command('recognize <at>Ana</at> for impact shipped').recipients).toEqual([ana]);
  });

  it('reads no recipient when nobody is mentioned', () => {
    expect(command('recognize for impact shipped', [])).toEqual({
      recipients: [],
      tag: { kind: 'trait', id: 'impact' },
      message: 'shipped',
    });
  });

  it('is not a recognize command when the text does not start with the verb', () => {
    expect(parseRecognizeText('please recognize <at>Ana</at> for impact', [anaMention])).toBe(
      undefined,
    );
    expect(parseRecognizeText('hello there', [])).toBeUndefined();
    expect(parseRecognizeText('recognizer <at>Ana</at>', [anaMention])).toBeUndefined();
  });
});

describe('recognize command edge cases', () => {
  const ana = { aadObjectId: 'aad-ana', name: 'Ana', teamsUserId: '29:ana' };

  it('keeps the line breaks of the message after the trait', () => {
    const parsed = parseRecognizeText('recognize <at>Ana</at> for impact first line\nsecond line', [
      { marker: '<at>Ana</at>', person: ana },
    ])!;

    expect(completeCommand(parsed, [])).toEqual({
      tag: { kind: 'trait', id: 'impact' },
      message: 'first line\nsecond line',
    });
  });

  it('keeps emoji and non-English words after the trait in the message, verbatim', () => {
    const parsed = parseRecognizeText('recognize <at>Ana</at> for meaning 🎉🚀 Ünïcödé …', [
      { marker: '<at>Ana</at>', person: ana },
    ])!;

    expect(completeCommand(parsed, [])).toEqual({
      tag: { kind: 'trait', id: 'meaning' },
      message: '🎉🚀 Ünïcödé …',
    });
  });

  it('keeps punctuation standing alone after a two-word trait in the message', () => {
    const parsed = parseRecognizeText('recognize <at>Ana</at> for psychological safety — and 🙏', [
      { marker: '<at>Ana</at>', person: ana },
    ])!;

    expect(completeCommand(parsed, [])).toEqual({
      tag: { kind: 'trait', id: 'psychological-safety' },
      message: '— and 🙏',
    });
  });

  it('matches a team value written in another alphabet', () => {
    const quality = { id: 'quality', label: 'Качество' };
    const parsed = parseRecognizeText('recognize <at>Ana</at> for качество чистая работа', [
      { marker: '<at>Ana</at>', person: ana },
    ])!;

    expect(completeCommand(parsed, [quality])).toEqual({
      tag: { kind: 'value', id: 'quality', label: 'Качество' },
      message: 'чистая работа',
    });
  });

  it('reads "kudos to @Ana for impact"', () => {
    const parsed = parseRecognizeText('kudos to <at>Ana</at> for impact shipped it', [
      { marker: '<at>Ana</at>', person: ana },
    ])!;

    expect(parsed.recipients).toEqual([ana]);
    expect(completeCommand(parsed, [])).toEqual({
      tag: { kind: 'trait', id: 'impact' },
      message: 'shipped it',
    });
  });
});

describe('notInConversationError', () => {
  it('names everyone outside the team it knows, and counts the rest', () => {
    const refused = (names: string[], place: 'team' | 'chat') =>
      refusalOf(() => {
        throw notInConversationError(names, place);
      });
    expect(refused(['Zed', 'Yan', ''], 'team')).toBe(
      'Zed and Yan aren’t in this team, nor is one other person you chose, so they can’t be ' +
        'recognized here. Choose people from this team.',
    );
    expect(notInConversationError(['', ''], 'chat').code).toBe('RECOGNITION_NOT_MEMBER');
    expect(refused(['', ''], 'chat')).toBe(
      '2 of the people you chose aren’t in this chat, so they can’t be recognized here. ' +
        'Choose people from this chat.',
    );
    expect(refused(['Zed', 'Yan', 'Bo'], 'team')).toMatch(/^Zed, Yan, and Bo aren’t in this team,/);
  });
});
