import type { AppOptions } from '../../bot/src/app';
import type { TeamContext } from '../fixtures/teams-activities';
import { startConnectorStub } from './connector-stub';
import { postJson, type Json } from './http';
import { devToken, installTeam, newTeamContext, type Member, type Team } from './team-harness';
import { startTestApp } from './test-app';

type Connector = Awaited<ReturnType<typeof startConnectorStub>>;
export type { Team };

export interface TestAppOptions {
  /** Environment on top of the test defaults (see startTestApp); a function when an earlier hook
   * makes what it names (a key server's URL). */
  env?: Record<string, string> | (() => Record<string, string>);
  app?: AppOptions;
  /** Members who get a dev token before the tests, for `token(member)`. */
  members?: Member[];
}

/** The running app and what surrounds it; every field is set once the suite's beforeAll ran. */
export type TestApp = Awaited<ReturnType<typeof startTestApp>> & {
  /** The Bot Connector stub the app posts to; it records what was posted. */
  connector: Connector;
  token(member: Member): string;
  /** Installs the app in another team of `members`, as Teams would. */
  install(members: Member[], name?: string): Promise<Team>;
  /** A team Teams would know, not installed yet, whose bot messages go to the connector stub. */
  newTeam(name?: string): TeamContext;
  /** Posts an activity to /api/messages as Teams would, expects 200, and returns the answer. */
  send(activity: unknown): Promise<Json>;
};

/**
 * Starts the real app (own database) and a connector stub for the enclosing describe block and
 * stops both after it. Hooks a spec registers after this call run once the app is up.
 */
export function useTestApp(name: string, options: TestAppOptions = {}): TestApp {
  const tokens = new Map<Member, string>();
  // The app's fields are filled in beforeAll: tests only read them once the app runs.
  const handle = {
    install: (members: Member[], teamName?: string) =>
      installTeam(handle.url, handle.connector, members, teamName),
    token: (member: Member) => tokenOf(tokens, member),
    newTeam: (teamName?: string) => newTeamContext(handle.connector.url, teamName),
    send: async (activity: unknown) => {
      const res = await postJson(`${handle.url}/api/messages`, activity);
      expect(res.status).toBe(200);
      return res.json as Json;
    },
  } as TestApp;
  beforeAll(async () => {
    const connector = await startConnectorStub();
    const env = typeof options.env === 'function' ? options.env() : options.env;
    Object.assign(handle, { connector }, await startTestApp(name, env, options.app));
    for (const member of options.members ?? [])
      tokens.set(member, await devToken(handle.url, member));
  });
  afterAll(async () => {
    await handle.stop?.();
    await handle.connector?.close();
  });
  return handle;
}

function tokenOf(tokens: Map<Member, string>, member: Member): string {
  const token = tokens.get(member);
  if (!token) throw new Error(`${member.name} has no token: list them in useTestApp's members`);
  return token;
}
