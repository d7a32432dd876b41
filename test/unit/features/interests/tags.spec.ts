import fc from 'fast-check';
import { displayTag, tagKey } from '../../../../bot/src/features/interests/domain/tags';
import { myTagsBody } from '../../../../bot/src/features/interests/interests-schemas';

describe('an interest’s key', () => {
  it.each([
    ['Dogs', 'dog'],
    [' #DOG ', 'dog'],
    ['Puppies', 'puppy'],
    ['boxes', 'box'],
    ['Glasses', 'glass'],
    ['watches', 'watch'],
    ['Board  Games', 'board game'],
    ['movies', 'movy'],
    ['chess', 'chess'],
    ['tennis', 'tennis'],
    ['cactus', 'cactus'],
    ['90s', '90s'],
    ['gas', 'gas'],
  ])('makes %j the key %j', (typed, key) => {
    expect(tagKey(typed)).toBe(key);
  });

  it.each([
    ['dog', 'dogs'],
    ['puppy', 'puppies'],
    ['movie', 'movies'],
    ['box', 'boxes'],
    ['glass', 'glasses'],
    ['dish', 'dishes'],
    ['board game', 'board games'],
  ])('is the same for %j and %j', (one, many) => {
    expect(tagKey(many)).toBe(tagKey(one));
  });

  it('is its own key: normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => tagKey(tagKey(s)) === tagKey(s)),
      { numRuns: 5000 },
    );
  });

  it('ignores case, spacing and a leading “#”', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.nat(3), (words, pad) => {
        const plain = words.join(' ');
        const messy = `${' '.repeat(pad)}#${words.map((w) => w.toUpperCase()).join('  ')} `;
        return tagKey(messy) === tagKey(plain.toLowerCase());
      }),
    );
  });

  it('shows the interest as typed, with spaces tidied and no leading “#”', () => {
    expect(displayTag('  #Board \t games ')).toBe('Board games');
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (s) => displayTag(displayTag(s)) === displayTag(s),
      ),
      { numRuns: 5000 },
    );
  });
});

describe('a member’s tags as sent', () => {
  const refusal = (tags: unknown) => {
    const parsed = myTagsBody.safeParse({ tags });
    return parsed.success ? undefined : parsed.error.issues.map((i) => i.message);
  };

  it('takes up to 20 distinct interests of up to 40 characters', () => {
    expect(refusal(Array.from({ length: 20 }, (_, i) => `interest ${i}`))).toBeUndefined();
    expect(refusal(['x'.repeat(40)])).toBeUndefined();
    expect(refusal([])).toBeUndefined();
  });

  it('refuses empty, too long, too many and the same interest twice', () => {
    expect(refusal([' '])).toEqual(['an interest cannot be empty']);
    expect(refusal(['x'.repeat(41)])).toEqual(['keep each interest to 40 characters']);
    expect(refusal(Array.from({ length: 21 }, (_, i) => `t${i}`))).toEqual([
      'keep at most 20 interests: remove one to add another',
    ]);
    expect(refusal(['Board games', '#board game'])).toEqual([
      '“Board games” and “board game” are the same interest: keep one',
    ]);
  });
});
