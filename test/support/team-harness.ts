import { randomUUID } from 'node:crypto';
import { TENANT_ID, teamInstallationUpdate, type TeamContext } from '../fixtures/teams-activities';
import type { startConnectorStub } from './connector-stub';
import { postJson } from './http';

export interface Member {
  id: string;
  aadObjectId: string;
  name: string;
}

export const newMembers = (...names: string[]): Member[] =>
  names.map((name) => ({ id: `29:${name}-${randomUUID()}`, aadObjectId: randomUUID(), name }));

/** A team Teams would know, with fresh ids, whose bot messages go to `serviceUrl`. */
export const newTeamContext = (serviceUrl: string, teamName = 'Platform'): TeamContext => ({
  serviceUrl,
  teamId: `19:${randomUUID()}@thread.tacv2`,
  teamName,
  channelId: `19:${randomUUID()}@thread.tacv2`,
});

/**
 * Installs the app in a new team over /api/messages, as Teams would, with the given roster, and
 * returns what tests need to act in it.
 */
export async function installTeam(
  appUrl: string,
  connector: Awaited<ReturnType<typeof startConnectorStub>>,
  members: Member[],
  teamName = 'Platform',
) {
  const team = newTeamContext(connector.url, teamName);
  connector.setRoster(team.teamId, members);
  const res = await postJson(
    `${appUrl}/api/messages`,
    teamInstallationUpdate(team, 'add', members[0]),
  );
  if (res.status !== 200) throw new Error(`install failed: ${res.status} ${res.text}`);
  return { ...team, path: `${appUrl}/api/v1/teams/${encodeURIComponent(team.teamId)}` };
}

export type Team = Awaited<ReturnType<typeof installTeam>>;

/** A dev token for a member (AUTH_MODE=dev), through the real endpoint. */
export async function devToken(appUrl: string, member: Member): Promise<string> {
  const res = await postJson(`${appUrl}/api/dev/token`, {
    tenantId: TENANT_ID,
    userId: member.aadObjectId,
    name: member.name,
  });
  if (res.status !== 200) throw new Error(`dev token failed: ${res.status} ${res.text}`);
  return (res.json as { token: string }).token;
}

/** A JSON request with a bearer token; returns status and parsed body. */
export async function call(method: string, url: string, token: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as any) : undefined }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
