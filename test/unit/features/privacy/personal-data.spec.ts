import { z } from 'zod';
import type {
  PersonalDataPart,
  PersonalDataScope,
} from '../../../../bot/src/platform/domain/personal-data';
import { createPersonalDataService } from '../../../../bot/src/features/privacy/personal-data';
import { tenantFilter } from '../../../../bot/src/features/privacy/personal-data-repository';

const TENANT = '11111111-1111-1111-1111-111111111111';
const OTHER = '22222222-2222-2222-2222-222222222222';
const person = { tenantId: TENANT, aadObjectId: 'aad-ana' };

describe('the tenant filter a feature’s part keeps its records to', () => {
  const installedIn: Record<string, string> = {
    'team-ours': TENANT.toUpperCase(),
    'team-theirs': OTHER,
    'team-local': '',
  };

  it('keeps the caller’s tenant’s teams and local installs; a team with no record is no tenant’s', async () => {
    const looked: string[] = [];
    const inTenant = tenantFilter(async (teamId) => {
      looked.push(teamId);
      return installedIn[teamId];
    }, TENANT);

    const kept = await inTenant([
      'team-ours',
      'team-theirs',
      'team-gone',
      'team-local',
      'team-ours',
    ]);

    expect([...kept].sort()).toEqual(['team-local', 'team-ours']);
    expect(looked.sort()).toEqual(['team-gone', 'team-local', 'team-ours', 'team-theirs']);
  });
});

describe('gathering every feature’s part of a member’s data', () => {
  const scope: PersonalDataScope = {
    memberTeams: ['team-ours'],
    inTenant: async (teamIds) => new Set([...teamIds].filter((id) => id === 'team-ours')),
  };
  const memberships = [{ teamId: 'team-ours', name: 'Ours', displayName: 'Ana' }];

  /** A part that keeps its records to the scope's teams, and notes what it was asked. */
  function part(key: string, teamIds: string[], calls: string[]): PersonalDataPart {
    return {
      exported: { [key]: z.array(z.string()) },
      async collect(who, { inTenant }) {
        calls.push(`collect ${key} ${who.aadObjectId}`);
        const ours = await inTenant(teamIds);
        // A key it does not declare (say, left from an older version) is not its to export.
        return { [key]: teamIds.filter((id) => ours.has(id)), [`${key}Draft`]: ['undeclared'] };
      },
      async erase(who, { memberTeams }) {
        calls.push(`erase ${key} ${who.aadObjectId}`);
        return { [`${key}Erased`]: memberTeams.length };
      },
    };
  }

  function service(calls: string[]) {
    return createPersonalDataService({
      scopes: { open: async () => ({ scope, memberships }) },
      parts: [part('first', ['team-ours', 'team-theirs'], calls), part('second', [], calls)],
      outbox: { removeFor: async () => 3 },
    });
  }

  it('exports the rosters, then each part’s keys in the feature list’s order, kept to the tenant', async () => {
    const calls: string[] = [];
    const data = await service(calls).collect(person);

    expect(JSON.stringify(data)).toBe(
      JSON.stringify({ memberships, first: ['team-ours'], second: [] }),
    );
    expect(calls).toEqual(['collect first aad-ana', 'collect second aad-ana']);
  });

  it('exports only the keys each part declares, which the API documents', async () => {
    const data = await service([]).collect(person);

    expect(Object.keys(data)).toEqual(['memberships', 'first', 'second']);
    expect(JSON.stringify(data)).not.toContain('undeclared');
  });

  it('erases part after part and reports each part’s counts, then the queued messages', async () => {
    const calls: string[] = [];
    const report = await service(calls).erase(person);

    expect(calls).toEqual(['erase first aad-ana', 'erase second aad-ana']);
    expect(Object.entries(report)).toEqual([
      ['firstErased', 1],
      ['secondErased', 1],
      ['outboxMessagesRemoved', 3],
    ]);
  });
});
