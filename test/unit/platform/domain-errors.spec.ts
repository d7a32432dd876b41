import { DomainError } from '../../../bot/src/platform/domain/domain-error';
import {
  domainErrors,
  PLATFORM_ERROR_STATUSES,
} from '../../../bot/src/platform/http/domain-errors';

describe('domain error statuses gathered from each feature', () => {
  const errors = domainErrors([
    { owner: 'platform', entries: PLATFORM_ERROR_STATUSES },
    { owner: 'teams', entries: { TEAM_BUSY: 409 } },
    { owner: 'archive', entries: { TEAM_GONE: 404 } },
  ]);

  it('answers a declared code with its status and the error’s own words', () => {
    expect(errors.statusOf(new DomainError('TEAM_BUSY', 'Try again later.'))).toEqual({
      status: 409,
      code: 'TEAM_BUSY',
      message: 'Try again later.',
    });
    expect(errors.statusOf(new DomainError('INVALID_INPUT', 'Bad.'))?.status).toBe(400);
  });

  it('leaves undeclared codes, and anything that is not an Error, to the caller', () => {
    expect(errors.statusOf(new DomainError('SOMETHING_ELSE', 'No.'))).toBeUndefined();
    expect(errors.statusOf({ code: 'TEAM_BUSY', message: 'Not an Error.' })).toBeUndefined();
  });

  it('refuses a code two features declare', () => {
    expect(() =>
      domainErrors([
        { owner: 'teams', entries: { TEAM_BUSY: 409 } },
        { owner: 'locks', entries: { TEAM_BUSY: 423 } },
      ]),
    ).toThrow('"TEAM_BUSY" is registered by both teams and locks');
  });
});
