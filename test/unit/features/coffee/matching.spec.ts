import fc from 'fast-check';
import { prng } from '../../../../bench/support/random';
import {
  type CoffeeCandidate,
  matchGroups,
  type MatchRequest,
  type MatchResult,
  type PastMeeting,
} from '../../../../bot/src/features/coffee/domain/matching';
import { buildPairRules } from '../../../../bot/src/features/coffee/domain/pair-rules';
import { pairCandidates } from '../../../../bot/src/features/coffee/domain/pairing';
import { bestPossible, groupSizesFor, judge } from './brute-force';

const ZONES = [
  undefined,
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Sydney',
];
const HOURS = [
  undefined,
  { start: '09:00', end: '17:00' },
  { start: '07:30', end: '15:30' },
  { start: '12:00', end: '20:00' },
];
const DATE = new Date('2026-03-09T08:00:00Z');

interface Shape {
  n: number;
  groupSize: 2 | 3 | 4;
  seed: number;
  /** Percent chance that a member avoids another. */
  avoidPercent: number;
  rounds: number;
  /** Percent chance that a pair met in a past round. */
  metPercent: number;
}

function programme({ n, groupSize, seed, avoidPercent, rounds, metPercent }: Shape): MatchRequest {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const ids = Array.from({ length: n }, (_, i) => `m${i}`);
  const candidates: CoffeeCandidate[] = ids.map((id) => ({
    id,
    timeZone: pick(ZONES),
    workingHours: pick(HOURS),
    avoid: ids.filter((other) => other !== id && random() * 100 < avoidPercent),
  }));
  const history: PastMeeting[] = [];
  for (let round = 1; round <= rounds; round++)
    ids.forEach((a, i) =>
      ids.slice(i + 1).forEach((b) => {
        if (random() * 100 < metPercent) history.push({ a, b, round });
      }),
    );
  return {
    candidates,
    groupSize,
    round: rounds + 1,
    history,
    date: DATE,
    programmeTimeZone: 'Europe/London',
    random: prng(seed ^ 0x5bd1e995),
  };
}

const shapes = (n: { min: number; max: number }, avoidPercent: number, metPercent: number) =>
  fc.record({
    n: fc.integer(n),
    groupSize: fc.constantFrom(2 as const, 3 as const, 4 as const),
    seed: fc.integer(),
    avoidPercent: fc.integer({ min: 0, max: avoidPercent }),
    rounds: fc.integer({ min: 0, max: 6 }),
    metPercent: fc.integer({ min: 0, max: metPercent }),
  });

function covered(result: MatchResult): number {
  return result.groups.flat().length;
}

/** Every candidate once; groups shaped by the rule for the members covered; no avoid broken. */
function expectWellFormed(request: MatchRequest, result: MatchResult): void {
  const ids = request.candidates.map((c) => c.id);
  const placed = [...result.groups.flat(), ...result.unmatched.map((u) => u.id)];
  expect(placed.slice().sort()).toEqual(ids.slice().sort());
  expect(result.groups.map((g) => g.length).sort((a, b) => a - b)).toEqual(
    groupSizesFor(covered(result), request.groupSize),
  );
  const judged = judge(request, result.groups);
  expect(judged.valid).toBe(true);
  expect(result.repeats).toBe(judged.repeats);
  if (ids.length === 1) expect(result.unmatched).toEqual([{ id: ids[0], reason: 'alone' }]);
  else expect(result.unmatched.every((u) => u.reason === 'avoids-everyone')).toBe(true);
}

describe('matchGroups', () => {
  describe('for any programme (properties)', () => {
    it('puts every candidate in exactly one group of the set size, or unmatched with a reason, and breaks no avoid list', () => {
      fc.assert(
        fc.property(shapes({ min: 0, max: 12 }, 30, 60), (shape) => {
          const request = programme(shape);
          expectWellFormed(request, matchGroups(request));
        }),
        { numRuns: 150 },
      );
    });

    it('keeps the same shape beyond the exact search (13 to 60 members)', () => {
      fc.assert(
        fc.property(shapes({ min: 13, max: 60 }, 3, 30), (shape) => {
          const request = programme(shape);
          expectWellFormed(request, matchGroups(request));
        }),
        { numRuns: 60 },
      );
    });

    it('has zero repeats whenever a repeat-free grouping exists, and otherwise the fewest (brute force, up to 12 members)', () => {
      fc.assert(
        fc.property(shapes({ min: 2, max: 12 }, 0, 70), (shape) => {
          const request = programme(shape);
          const result = matchGroups(request);
          const best = bestPossible(request);
          expect(covered(result)).toBe(best.covered);
          expect(result.repeats).toBe(best.repeats);
        }),
        { numRuns: 60 },
      );
    });

    it('leaves a candidate out for their avoid lists only when no valid grouping includes them (brute force)', () => {
      fc.assert(
        fc.property(shapes({ min: 2, max: 9 }, 60, 50), (shape) => {
          const request = programme(shape);
          const result = matchGroups(request);
          const best = bestPossible(request);
          expect(covered(result)).toBe(best.covered);
          expect(result.repeats).toBe(best.repeats);
        }),
        { numRuns: 80 },
      );
    });
  });

  describe('pairing by matching (the algorithm for more than 12 members, run here on few)', () => {
    /** Pairs from the blossom matching, as matchGroups would give them for a large programme. */
    function pairedByMatching(request: MatchRequest): string[][] {
      const ids = request.candidates.map((c) => c.id);
      const rules = buildPairRules(request.candidates, request);
      const { pairs, triple } = pairCandidates(rules, request.random, { triple: true });
      return [...pairs, ...(triple ? [triple] : [])].map((g) => g.map((i) => ids[i]));
    }

    it('is repeat-free whenever a repeat-free pairing exists, and covers everyone it can (brute force)', () => {
      fc.assert(
        fc.property(shapes({ min: 2, max: 12 }, 25, 80), (shape) => {
          const request = programme({ ...shape, groupSize: 2 });
          const groups = pairedByMatching(request);
          const best = bestPossible(request);
          const judged = judge(request, groups);
          expect(judged.valid).toBe(true);
          expect(groups.flat().length).toBe(best.covered);
          expect(groups.map((g) => g.length).sort()).toEqual(groupSizesFor(best.covered, 2));
          if (best.repeats === 0) expect(judged.repeats).toBe(0);
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('examples', () => {
    const members = (n: number): CoffeeCandidate[] =>
      Array.from({ length: n }, (_, i) => ({ id: `m${i}` }));
    const base = (candidates: CoffeeCandidate[], seed = 1): MatchRequest => ({
      candidates,
      groupSize: 2,
      round: 1,
      history: [],
      date: DATE,
      programmeTimeZone: 'Europe/London',
      random: prng(seed),
    });

    it('gives nobody to a programme of one', () => {
      expect(matchGroups(base(members(1)))).toEqual({
        groups: [],
        unmatched: [{ id: 'm0', reason: 'alone' }],
        repeats: 0,
      });
    });

    it('makes one group of three from an odd count in pairs', () => {
      const result = matchGroups(base(members(7)));
      expect(result.groups.map((g) => g.length).sort()).toEqual([2, 2, 3]);
    });

    it('leaves out two members who avoid each other when nobody else is there', () => {
      const result = matchGroups(base([{ id: 'a', avoid: ['b'] }, { id: 'b' }]));
      expect(result.groups).toEqual([]);
      expect(result.unmatched.map((u) => u.reason)).toEqual(['avoids-everyone', 'avoids-everyone']);
    });

    it('honours an avoid list whichever member wrote it', () => {
      for (let seed = 0; seed < 20; seed++) {
        const result = matchGroups(
          base([{ id: 'a' }, { id: 'b', avoid: ['a'] }, { id: 'c' }, { id: 'd' }], seed),
        );
        expect(result.groups.some((g) => g.includes('a') && g.includes('b'))).toBe(false);
      }
    });

    it('takes each member once when the list names them twice', () => {
      const result = matchGroups(base([{ id: 'a' }, { id: 'b' }, { id: 'a' }]));
      expect(result.groups).toHaveLength(1);
      expect(result.groups[0].slice().sort()).toEqual(['a', 'b']);
    });

    it('once four members have all met, pairs again those who met longest ago', () => {
      const history: PastMeeting[] = [
        { a: 'm0', b: 'm1', round: 1 },
        { a: 'm2', b: 'm3', round: 1 },
        { a: 'm0', b: 'm2', round: 2 },
        { a: 'm1', b: 'm3', round: 2 },
        { a: 'm0', b: 'm3', round: 3 },
        { a: 'm1', b: 'm2', round: 3 },
      ];
      for (let seed = 0; seed < 10; seed++) {
        const result = matchGroups({ ...base(members(4), seed), history, round: 4 });
        expect(result.repeats).toBe(0);
        expect(result.groups.map((g) => g.slice().sort().join()).sort()).toEqual([
          'm0,m1',
          'm2,m3',
        ]);
      }
    });

    it('with a cooldown in rounds, lets a pair meet again once it has passed', () => {
      const history: PastMeeting[] = [{ a: 'm0', b: 'm1', round: 1 }];
      const request = { ...base(members(2)), history, round: 4 };
      expect(matchGroups({ ...request, cooldownRounds: 3 }).repeats).toBe(1);
      expect(matchGroups({ ...request, cooldownRounds: 2 }).repeats).toBe(0);
    });

    it('rotates six members through five rounds with no pair meeting twice', () => {
      for (let seed = 0; seed < 30; seed++) {
        const random = prng(seed);
        const candidates = members(6).map((m, i) => ({
          ...m,
          timeZone: ZONES[(i * 3 + seed) % ZONES.length],
          workingHours: HOURS[(i + seed) % HOURS.length],
        }));
        const history: PastMeeting[] = [];
        for (let round = 1; round <= 5; round++) {
          const result = matchGroups({ ...base(candidates), random, round, history });
          expect(result.repeats).toBe(0);
          for (const [a, b] of result.groups) history.push({ a, b, round });
        }
        const met = history.map(({ a, b }) => [a, b].sort().join());
        expect(new Set(met).size).toBe(15);
      }
    });

    it('gives up shared hours rather than leave the next round no repeat-free pairing', () => {
      // The pairs not yet met form a prism: triangles m0 m1 m2 and m3 m4 m5 joined by m0–m3,
      // m1–m4, m2–m5. Those three joins share the most hours, but taking them leaves two
      // triangles, which cannot be paired.
      const zones = ['Europe/London', 'Asia/Tokyo', 'America/Los_Angeles'];
      const candidates = members(6).map((m, i) => ({ ...m, timeZone: zones[i % 3] }));
      const met = (round: number, pairs: [number, number][]) =>
        pairs.map(([a, b]) => ({ a: `m${a}`, b: `m${b}`, round }));
      const history = [
        ...met(1, [
          [0, 4],
          [2, 3],
          [1, 5],
        ]),
        ...met(2, [
          [2, 4],
          [1, 3],
          [0, 5],
        ]),
      ];
      for (let seed = 0; seed < 10; seed++) {
        const request = { ...base(candidates, seed), history, round: 3 };
        const third = matchGroups(request);
        expect(third.repeats).toBe(0);
        const fourth = matchGroups({
          ...request,
          round: 4,
          history: [...history, ...third.groups.map(([a, b]) => ({ a, b, round: 3 }))],
        });
        expect(fourth.repeats).toBe(0);
      }
    });

    it('pairs members with the colleagues they share most hours with', () => {
      const london = { timeZone: 'Europe/London', workingHours: { start: '09:00', end: '17:00' } };
      const sydney = {
        timeZone: 'Australia/Sydney',
        workingHours: { start: '09:00', end: '17:00' },
      };
      const candidates = [
        { id: 'l1', ...london },
        { id: 's1', ...sydney },
        { id: 'l2', ...london },
        { id: 's2', ...sydney },
      ];
      for (let seed = 0; seed < 10; seed++) {
        const result = matchGroups(base(candidates, seed));
        expect(result.groups.map((g) => g.slice().sort().join()).sort()).toEqual([
          'l1,l2',
          's1,s2',
        ]);
      }
    });
  });
});
