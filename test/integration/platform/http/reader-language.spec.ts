import de from '../../../../locales/de.json';
import ja from '../../../../locales/ja.json';
import type { Json } from '../../../support/http';
import { newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';

const RHYTHM = { enabled: true, every: 2, day: 'tuesday', time: '10:00', groupSize: 2 };

/** The catalog's messages whose keys start with `prefix`. */
const messagesOf = (catalog: Record<string, string>, prefix: string) =>
  Object.entries(catalog)
    .filter(([key]) => key.startsWith(prefix))
    .map(([, message]) => message);

describe('the API answers in the language the request asks in (Accept-Language)', () => {
  const people = newMembers('Ana', 'Bo', 'Chen');
  const outsider = newMembers('Out')[0];
  const app = useTestApp('readerlang', { members: [...people, outsider] });
  const [ana, bo, chen] = people;

  /** A request as the tab makes it: signed in (unless no member), in a language. */
  const ask = async (
    method: string,
    url: string,
    language: string | undefined,
    member?: Member,
    body?: unknown,
  ) => {
    const res = await fetch(url, {
      method,
      headers: {
        ...(member ? { authorization: `Bearer ${app.token(member)}` } : {}),
        ...(language ? { 'accept-language': language } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      json: (text ? JSON.parse(text) : undefined) as Json,
      language: res.headers.get('content-language'),
      vary: res.headers.get('vary'),
    };
  };
  const inTeam = (
    team: Team,
    method: string,
    path: string,
    language: string | undefined,
    member: Member,
    body?: unknown,
  ) => ask(method, `${team.path}${path}`, language, member, body);

  it('refuses in German and Japanese, with the same codes, naming its language', async () => {
    const team = await app.install(people);

    const stranger = await inTeam(team, 'GET', '/coffee', 'de-AT,de;q=0.9,en;q=0.5', outsider);
    expect(stranger).toMatchObject({
      status: 403,
      json: { code: 'NOT_A_MEMBER', message: de['errors.NOT_A_MEMBER'] },
      language: 'de',
    });
    expect(stranger.vary).toMatch(/Accept-Language/i);
    expect(Object.keys(stranger.json).sort()).toEqual(['code', 'message']);

    const unsigned = await ask('GET', `${team.path}/coffee`, 'ja-JP');
    expect(unsigned).toMatchObject({
      status: 401,
      json: { code: 'TOKEN_MISSING', message: expect.stringContaining('サインイン') },
      language: 'ja',
    });

    const lost = await ask('GET', `${app.url}/api/v1/nowhere`, 'ja');
    expect(lost.json).toEqual({
      code: 'NOT_FOUND',
      message: '/api/v1/nowhere は API の一部ではありません。/api/openapi.json をご覧ください。',
    });
    expect(lost.language).toBe('ja');
  });

  it('fills a refusal’s specifics into the reader’s wording', async () => {
    const team = await app.install(people);

    const tooFew = await inTeam(team, 'POST', '/coffee/rounds', 'de', ana);
    expect(tooFew.json).toEqual({
      code: 'COFFEE_TOO_FEW',
      message:
        'Noch niemand macht beim virtuellen Kaffee mit. Mitmachen geht im Tab oder mit „@Rapport kaffee“.',
    });
    const notLead = await inTeam(team, 'POST', '/coffee/rounds', 'ja', bo);
    expect(notLead.json).toEqual({
      code: 'NOT_A_LEAD',
      message:
        'コーヒーの回を始められるのはチームのリーダーだけです。リーダーに頼むか、次の回を待ってください。',
    });
    const noCircle = await inTeam(team, 'POST', '/interests/Origami/introductions', 'ja', ana);
    expect(noCircle).toMatchObject({
      status: 404,
      json: { code: 'INTERESTS_NO_CIRCLE', message: expect.stringContaining('「Origami」') },
    });
    const pastDate = await inTeam(team, 'PUT', '/coffee/me', 'de', ana, {
      status: 'paused',
      pausedUntil: '2020-01-01',
    });
    expect(pastDate.json).toMatchObject({
      code: 'COFFEE_INVALID',
      message: expect.stringMatching(
        /^pausedUntil: Wählen Sie ein Datum nach heute \(\d{4}-\d\d-\d\d\)/,
      ),
    });
  });

  it('keeps naming the bad field of input it cannot read, saying the detail is in English', async () => {
    const team = await app.install(people);

    const res = await inTeam(team, 'PUT', '/interests/me', 'de', ana, { tags: 'dogs' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('INVALID_INPUT');
    expect(res.json.message).toMatch(
      /^Bitte prüfen Sie Ihre Angaben \(Hinweis auf Englisch\): The tags /,
    );
  });

  it('answers in English when nothing, or nothing it speaks, is asked', async () => {
    const team = await app.install(people);

    for (const language of [undefined, 'sv-SE, nl;q=0.5', 'de;q=nonsense']) {
      const res = await inTeam(team, 'GET', '/coffee', language, outsider);
      expect(res.json.message).toMatch(/^You are not a member of this team or chat in Rapport/);
      expect(res.language).toBe('en');
    }
  });

  it('writes the coffee starter and the chat’s first words in the reader’s language', async () => {
    const team = await app.install([ana, bo]);
    await inTeam(team, 'PUT', '/coffee/settings', 'en', ana, RHYTHM);
    for (const m of [ana, bo]) await inTeam(team, 'PUT', '/coffee/me', 'en', m, { status: 'in' });
    expect((await inTeam(team, 'POST', '/coffee/rounds', 'en', ana)).status).toBe(201);

    const german = await inTeam(team, 'GET', '/coffee', 'de-DE', ana);
    expect(german.language).toBe('de');
    expect(messagesOf(de, 'coffee.starter.')).toContain(german.json.me.match.starter);
    const japanese = (await inTeam(team, 'GET', '/coffee', 'ja', bo)).json.me.match;
    expect(messagesOf(ja, 'coffee.starter.')).toContain(japanese.starter);
    expect(japanese.chatLink).toContain(
      encodeURIComponent(ja['coffee.link.chatMessage'].replace('{starter}', japanese.starter)),
    );
  });

  it('names an interest circle’s chat in the reader’s language; what members wrote stays as written', async () => {
    const team = await app.install([ana, bo, chen]);
    for (const m of [ana, bo, chen])
      await inTeam(team, 'PUT', '/interests/me', 'en', m, { tags: ['Hiking'] });

    const german = await inTeam(team, 'POST', '/interests/Hiking/introductions', 'de', ana);
    expect(german.status).toBe(201);
    expect(german.json.chatLink).toContain(`&topicName=${encodeURIComponent('Kreis Hiking')}`);
    const japanese = await inTeam(team, 'POST', '/interests/Hiking/introductions', 'ja', bo);
    expect(japanese.json.chatLink).toContain(
      `&topicName=${encodeURIComponent(ja['interests.link.chatTopic'].replace('{circle}', 'Hiking'))}`,
    );
  });

  it('states how the team decides a proposal in the reader’s language', async () => {
    const team = await app.install(people);
    const proposal = {
      title: 'We share plans where everyone sees them',
      text: 'Plans live in the channel, not in private chats.',
      category: 'communication',
    };

    const made = await inTeam(team, 'POST', '/agreements', 'ja', ana, proposal);
    expect(made.status).toBe(201);
    expect(made.json.openProposal.rule).toMatch(/^有効化の条件: 7 日以内/);
    expect(made.json.title).toBe(proposal.title);
    const read = await inTeam(team, 'GET', `/agreements/${made.json.id}`, 'de', bo);
    expect(read.json.openProposal.rule).toMatch(/^Die Vereinbarung gilt, wenn .* 7 Tagen/);
  });
});
