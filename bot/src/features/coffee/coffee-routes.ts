import { isLeadOf } from '../checkins';
import type { Translate } from '../../platform/i18n/messages';
import { defineRoute } from '../../platform/http/route';
import type { CoffeeService, MyMatch } from './coffee-service';
import { matchLinks } from './coffee-links';
import { coffeeMeBody, coffeeSettingsBody, coffeeView, pairNowView } from './coffee-schemas';

export interface CoffeeRoutesDeps {
  coffee: CoffeeService;
}

const route = defineRoute<CoffeeRoutesDeps>();

/** A member's match; the starter and the chat's first words are in the language they asked in. */
const matchView = (match: MyMatch, t: Translate) => ({
  roundId: match.round.id,
  startsAt: match.round.startsAt.toISOString(),
  endsAt: match.round.endsAt.toISOString(),
  partners: match.partners.map((p) => ({
    aadObjectId: p.aadObjectId,
    name: p.name,
    timeZone: p.timeZone ?? null,
    aheadMinutes: p.aheadMinutes,
    sharedHours: p.shared ?? null,
  })),
  ...matchLinks(match, t),
  myAnswer: match.myAnswer ?? null,
});

type View = Awaited<ReturnType<CoffeeService['view']>>;

const coffeeAnswer = (view: View, caller: string, t: Translate) => ({
  settings: view.programme.settings,
  timeZone: view.timeZone,
  isLead: isLeadOf(view.leads, caller),
  nextRoundAt: view.nextRoundAt?.toISOString() ?? null,
  me: {
    status: view.me.status,
    pausedUntil: view.me.status === 'paused' ? (view.me.entry?.pausedUntil ?? null) : null,
    timeZone: view.me.profile.timeZone ?? null,
    timeZoneSource: view.me.profile.zoneSource ?? null,
    workingHours: view.me.profile.workingHours ?? null,
    avoid: view.me.entry?.avoid ?? [],
    match: view.me.match ? matchView(view.me.match, t) : null,
  },
  stats: {
    members: view.stats.members,
    paused: view.stats.paused,
    recent: view.stats.recent.map((r) => ({
      startsAt: r.startsAt.toISOString(),
      groups: r.groups,
      met: r.met,
    })),
  },
});

const INVALID = 'INVALID_INPUT: the message names each bad field';

/** Virtual coffee: the programme, a member's own place and match, the leads' rhythm and "pair now". */
export const coffeeRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/coffee',
    summary: 'Virtual coffee: the rhythm, your own status and match, the team’s counts',
    access: 'member',
    responses: { 200: coffeeView },
    handler: async ({ teamId, caller, t }, { coffee }) => ({
      status: 200,
      body: coffeeAnswer(await coffee.view(teamId, caller), caller.aadObjectId, t),
    }),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/teams/:teamId/coffee/settings',
    summary: 'Switch virtual coffee on or off and set its rhythm (leads only)',
    description:
      'The first time it is switched on, every member is asked once, privately, whether they want to join.',
    access: 'member',
    body: coffeeSettingsBody,
    bodyDescription:
      'The rhythm: every 1, 2 or 4 weeks, on a day and local time, and the group size',
    responses: { 200: coffeeView },
    errors: { 400: INVALID, 403: 'NOT_A_LEAD' },
    handler: async ({ teamId, caller, body, t }, { coffee }) => {
      await coffee.updateSettings(teamId, caller.aadObjectId, body);
      return {
        status: 200,
        body: coffeeAnswer(await coffee.view(teamId, caller), caller.aadObjectId, t),
      };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/v1/teams/:teamId/coffee/me',
    summary:
      'Join, leave or pause; set your time zone, hours and private “don’t pair me with” list',
    access: 'member',
    body: coffeeMeBody,
    bodyDescription: 'Only what changes; no reason is ever asked',
    responses: { 200: coffeeView },
    errors: {
      400: INVALID,
      409: 'COFFEE_INVALID: hours that end before they start, a pause date not after today, or an avoid list naming someone not on the team',
    },
    handler: async ({ teamId, caller, body, t }, { coffee }) => {
      await coffee.updateMe(teamId, caller, body);
      return {
        status: 200,
        body: coffeeAnswer(await coffee.view(teamId, caller), caller.aadObjectId, t),
      };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams/:teamId/coffee/rounds',
    summary: 'Pair now: start a round at once (leads only)',
    description:
      'Everyone taking part gets their introduction privately; the answer gives only counts.',
    access: 'member',
    responses: { 201: pairNowView },
    errors: { 403: 'NOT_A_LEAD', 409: 'COFFEE_TOO_FEW: fewer than two members take part' },
    handler: async ({ teamId, caller }, { coffee }) => {
      const round = await coffee.pairNow(teamId, caller.aadObjectId);
      return { status: 201, body: { roundId: round.id, groups: round.groups.length } };
    },
  }),
];
