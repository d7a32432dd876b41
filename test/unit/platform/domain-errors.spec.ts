import { DomainError } from '../../../bot/src/platform/domain/domain-error';
import {
  domainErrors,
  PLATFORM_ERROR_STATUSES,
} from '../../../bot/src/platform/http/domain-errors';

describe('domain error statuses gathered from each feature', () => {
  const errors = domainErrors([
    { owner: 'platform', entries: PLATFORM_ERROR_STATUSES },
    { owner: 'coffee', entries: { COFFEE_ROUND_CLOSED: 409 } },
    { owner: 'icebreakers', entries: { PROMPT_DECK_FULL: 409 } },
  ]);

  it('answers a declared code with its status and the values its message names', () => {
    expect(errors.statusOf(new DomainError('PROMPT_DECK_FULL', { max: 200 }))).toEqual({
      status: 409,
      code: 'PROMPT_DECK_FULL',
      message: 'PROMPT_DECK_FULL',
      values: { max: 200 },
    });
    expect(errors.statusOf(new DomainError('INVALID_INPUT', { detail: 'Bad.' }))?.status).toBe(400);
  });

  it('leaves undeclared codes, and anything that is not a DomainError, to the caller', () => {
    expect(errors.statusOf(new DomainError('SOMETHING_ELSE'))).toBeUndefined();
    expect(errors.statusOf({ code: 'COFFEE_ROUND_CLOSED', message: 'Not an Error.' })).toBe(
      undefined,
    );
    const foreign = Object.assign(new Error('from a library'), { code: 'NOT_FOUND' });
    expect(errors.statusOf(foreign)).toBeUndefined();
  });

  it('refuses a code two features declare', () => {
    expect(() =>
      domainErrors([
        { owner: 'coffee', entries: { COFFEE_ROUND_CLOSED: 409 } },
        { owner: 'rounds', entries: { COFFEE_ROUND_CLOSED: 410 } },
      ]),
    ).toThrow('"COFFEE_ROUND_CLOSED" is registered by both coffee and rounds');
  });

  it('refuses a code the catalogs have no errors.<CODE> message for', () => {
    expect(() =>
      domainErrors([{ owner: 'teams', entries: { TEAM_BUSY: 409, COFFEE_ROUND_CLOSED: 409 } }]),
    ).toThrow('The catalogs have no errors.<CODE> message for TEAM_BUSY');
  });
});
