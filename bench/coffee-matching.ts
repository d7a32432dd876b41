/**
 * The virtual-coffee matcher on one programme of 10,000 members, against Microsoft Icebreaker's
 * way of pairing on the same members in the same run:
 *
 *   npm run bench:coffee
 *   BENCH_MEMBERS=2000 BENCH_ROUNDS=8 npm run bench:coffee     # quick smoke run
 *
 * Environment: BENCH_MEMBERS (10000), BENCH_ROUNDS (26 weekly rounds of history before the one
 * measured), BENCH_RUNS (7 timed runs of the measured round; the median is reported).
 *
 * Members are spread over 17 zones weighted like a global company (the Americas, Europe, India
 * at +5:30, Nepal at +5:45, East Asia, Australia, Adelaide at +9:30/+10:30, New Zealand),
 * with six common working-hour patterns; 5% give no zone and 10% no hours (the programme's
 * zone, 09:00–17:00), 2% avoid one or two colleagues. Rounds start on Mondays from 5 January
 * 2026, so the history crosses the March and April daylight-saving changes. Each round's
 * groups become history for the next, as the store would keep them.
 *
 * Icebreaker (Microsoft's open-source Teams app) pairs this way: shuffle the members, pair the
 * first with the second, the third with the fourth, and so on; an odd one out is left unpaired.
 * It ignores history, hours and avoid lists.
 *
 * Reported for the measured round: the median time of matchGroups (wall clock, and CPU time,
 * which other processes on a shared machine do not inflate), repeats within the
 * cooldown, mean shared working hours per pair for both (and the ratio), and an upper bound:
 * every member with the colleague they share most hours with.
 */
import os from 'node:os';
import {
  type CoffeeCandidate,
  matchGroups,
  type MatchRequest,
  type PastMeeting,
} from '../bot/src/features/coffee/domain/matching';
import { sharedWorkingMinutes } from '../bot/src/features/coffee/domain/shared-hours';
import { envNumber, log } from './support/harness';
import { prng } from './support/random';

const MEMBERS = envNumber('BENCH_MEMBERS', 10_000, 2);
const ROUNDS = envNumber('BENCH_ROUNDS', 26, 0);
const RUNS = envNumber('BENCH_RUNS', 7, 1);
const PROGRAMME_ZONE = 'Europe/London';
const FIRST_MONDAY = Date.parse('2026-01-05T08:00:00Z');
const WEEK = 7 * 24 * 3_600_000;

const ZONES: [string, number][] = [
  ['America/Los_Angeles', 10],
  ['America/Denver', 3],
  ['America/Chicago', 7],
  ['America/New_York', 14],
  ['America/Sao_Paulo', 4],
  ['Europe/London', 12],
  ['Europe/Berlin', 9],
  ['Europe/Paris', 6],
  ['Europe/Warsaw', 4],
  ['Asia/Kolkata', 12],
  ['Asia/Kathmandu', 1],
  ['Asia/Singapore', 4],
  ['Asia/Shanghai', 5],
  ['Asia/Tokyo', 3],
  ['Australia/Adelaide', 1],
  ['Australia/Sydney', 4],
  ['Pacific/Auckland', 1],
];
const HOURS: [{ start: string; end: string }, number][] = [
  [{ start: '09:00', end: '17:00' }, 40],
  [{ start: '08:00', end: '16:00' }, 15],
  [{ start: '09:00', end: '18:00' }, 15],
  [{ start: '10:00', end: '18:00' }, 12],
  [{ start: '07:30', end: '15:30' }, 8],
  [{ start: '11:00', end: '19:00' }, 10],
];

function weighted<T>(random: () => number, choices: [T, number][]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let left = random() * total;
  for (const [value, w] of choices) if ((left -= w) < 0) return value;
  return choices[choices.length - 1][0];
}

function buildMembers(random: () => number): CoffeeCandidate[] {
  const ids = Array.from({ length: MEMBERS }, (_, i) => `member-${i}`);
  return ids.map((id) => {
    const avoid =
      random() < 0.02
        ? Array.from(
            { length: 1 + Math.floor(random() * 2) },
            () => ids[Math.floor(random() * MEMBERS)],
          )
        : undefined;
    return {
      id,
      timeZone: random() < 0.05 ? undefined : weighted(random, ZONES),
      workingHours: random() < 0.1 ? undefined : weighted(random, HOURS),
      avoid: avoid?.filter((other) => other !== id),
    };
  });
}

function pairsOf(groups: string[][]): [string, string][] {
  return groups.flatMap((g) =>
    g.flatMap((a, i) => g.slice(i + 1).map((b) => [a, b] as [string, string])),
  );
}

const profileOf = (m: CoffeeCandidate) =>
  `${m.timeZone} ${m.workingHours?.start} ${m.workingHours?.end}`;

/**
 * Shared minutes from the public function the cards use, remembered by pair of profiles (zone
 * and hours): it converts zones each call, and 10,000 members have about a hundred profiles.
 */
function sharedMinutesOn(date: Date): (a: CoffeeCandidate, b: CoffeeCandidate) => number {
  const known = new Map<string, number>();
  return (a, b) => {
    const [p, q] = [profileOf(a), profileOf(b)].sort();
    const key = `${p}|${q}`;
    let minutes = known.get(key);
    if (minutes === undefined) {
      minutes = sharedWorkingMinutes(a, b, date, PROGRAMME_ZONE);
      known.set(key, minutes);
    }
    return minutes;
  };
}

function meanSharedHours(
  pairs: [string, string][],
  byId: Map<string, CoffeeCandidate>,
  shared: (a: CoffeeCandidate, b: CoffeeCandidate) => number,
): number {
  const total = pairs.reduce((sum, [a, b]) => sum + shared(byId.get(a)!, byId.get(b)!), 0);
  return total / pairs.length / 60;
}

function icebreakerPairs(members: CoffeeCandidate[], random: () => number): [string, string][] {
  const order = members.map((m) => m.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < order.length; i += 2) pairs.push([order[i], order[i + 1]]);
  return pairs;
}

/** The mean, over members, of the most hours they share with any colleague: no pairing beats it. */
function upperBoundHours(
  members: CoffeeCandidate[],
  shared: (a: CoffeeCandidate, b: CoffeeCandidate) => number,
): number {
  const profiles = new Map<string, { member: CoffeeCandidate; count: number }>();
  for (const m of members) {
    const profile = profiles.get(profileOf(m));
    if (profile) profile.count++;
    else profiles.set(profileOf(m), { member: m, count: 1 });
  }
  const list = [...profiles.values()];
  let total = 0;
  for (const p of list) {
    let best = 0;
    for (const q of list) {
      if (q === p && p.count < 2) continue;
      best = Math.max(best, shared(p.member, q.member));
    }
    total += best * p.count;
  }
  return total / members.length / 60;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function countMetBefore(pairs: [string, string][], history: PastMeeting[]): number {
  const met = new Set(history.map(({ a, b }) => (a < b ? `${a} ${b}` : `${b} ${a}`)));
  return pairs.filter(([a, b]) => met.has(a < b ? `${a} ${b}` : `${b} ${a}`)).length;
}

function main(): void {
  const random = prng(20260105);
  const members = buildMembers(random);
  const byId = new Map(members.map((m) => [m.id, m]));
  log(`${MEMBERS} members in ${ZONES.length} zones; ${ROUNDS} weekly rounds of history first`);
  const history: PastMeeting[] = [];
  const request = (round: number, groupSize: 2 | 3 | 4 = 2): MatchRequest => ({
    candidates: members,
    groupSize,
    round,
    history,
    date: new Date(FIRST_MONDAY + (round - 1) * WEEK),
    programmeTimeZone: PROGRAMME_ZONE,
    random: prng(round * 7919),
  });
  for (let round = 1; round <= ROUNDS; round++) {
    const started = performance.now();
    const result = matchGroups(request(round));
    const ms = performance.now() - started;
    for (const [a, b] of pairsOf(result.groups)) history.push({ a, b, round });
    log(
      `round ${String(round).padStart(2)}: ${result.groups.length} groups, ${result.repeats} repeats, ` +
        `${result.unmatched.length} unmatched, ${ms.toFixed(0)} ms (history ${history.length} pairs)`,
    );
  }

  const measured = ROUNDS + 1;
  const date = new Date(FIRST_MONDAY + (measured - 1) * WEEK);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let result = matchGroups(request(measured));
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    result = matchGroups(request(measured));
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - started);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const ours = pairsOf(result.groups);
  const icebreaker = icebreakerPairs(members, prng(measured));
  const shared = sharedMinutesOn(date);
  const oursHours = meanSharedHours(ours, byId, shared);
  const icebreakerHours = meanSharedHours(icebreaker, byId, shared);
  const bound = upperBoundHours(members, shared);
  const extra = ([3, 4] as const).map((size) => {
    const started = performance.now();
    const grouped = matchGroups(request(measured, size));
    return `groups of ${size}: ${(performance.now() - started).toFixed(0)} ms, ${grouped.repeats} repeats`;
  });

  const lines = [
    `round ${measured} (${date.toISOString().slice(0, 10)}), ${MEMBERS} members, ${history.length} past pairs:`,
    `  matchGroups p50 ${median(times).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); CPU time p50 ${median(cpuTimes).toFixed(0)} ms, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    `  repeats within the cooldown: ${result.repeats}; unmatched: ${result.unmatched.length}; groups: ${result.groups.length}`,
    `  mean shared working hours per pair: ${oursHours.toFixed(2)} h`,
    `  Icebreaker (shuffle, pair neighbours): ${icebreakerHours.toFixed(2)} h, ${countMetBefore(icebreaker, history)} pairs who met in the last ${ROUNDS} rounds, ${MEMBERS % 2} left out`,
    `  ratio: ${(oursHours / icebreakerHours).toFixed(2)}× Icebreaker's shared hours`,
    `  upper bound (everyone with their best-sharing colleague): ${bound.toFixed(2)} h (${((oursHours / bound) * 100).toFixed(1)}% reached)`,
    `  same round, one run each: ${extra.join('; ')}`,
  ];
  for (const line of lines) log(line);
}

main();
