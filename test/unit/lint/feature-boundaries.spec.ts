import { lintTexts, type LintText } from '../../support/lint-texts';

const RULE = '@typescript-eslint/no-restricted-imports';

/** The boundary errors ESLint reports for each text, linted with the project's configuration. */
async function boundaryErrors(cases: LintText[]): Promise<string[][]> {
  const results = await lintTexts(cases);
  return results.map((messages) => messages.filter((m) => m.ruleId === RULE).map((m) => m.message));
}

const CASES = {
  deep: {
    filePath: 'bot/src/features/recognition/recognition-service.ts',
    code: "import type { CheckinService } from '../checkins/checkin-service';\nexport type S = CheckinService;\n",
  },
  deeper: {
    filePath: 'bot/src/features/checkins/teams/cards/checkin-card.ts',
    code: "import { tagIcon } from '../../../recognition/teams/cards/trait-icons';\nexport const icon = tagIcon;\n",
  },
  viaIndex: {
    filePath: 'bot/src/features/recognition/teams/recognition-flow.ts',
    code:
      "import type { CheckinService } from '../../checkins';\n" +
      "import type { RecognitionService } from '../recognition-service';\n" +
      'export type S = CheckinService | RecognitionService;\n',
  },
  platformToFeature: {
    filePath: 'bot/src/platform/http/server.ts',
    code: "import { createRecognitionFeature } from '../../features/recognition';\nexport const f = createRecognitionFeature;\n",
  },
  platformToPeople: {
    filePath: 'bot/src/platform/http/server.ts',
    code: "import { createPeople } from '../../people/people';\nexport const p = createPeople;\n",
  },
  peopleToFeature: {
    filePath: 'bot/src/people/people.ts',
    code: "import type { CheckinService } from '../features/checkins';\nexport type S = CheckinService;\n",
  },
} satisfies Record<string, LintText>;

describe('feature boundaries (eslint.config.mjs)', () => {
  let errors: Record<keyof typeof CASES, string[]>;

  beforeAll(async () => {
    const names = Object.keys(CASES) as (keyof typeof CASES)[];
    const results = await boundaryErrors(names.map((name) => CASES[name]));
    errors = Object.fromEntries(names.map((name, i) => [name, results[i]])) as typeof errors;
  }, 120_000);

  it('refuses a deep import into another feature, from any folder depth', () => {
    expect(errors.deep).toEqual([expect.stringContaining('through its index.ts')]);
    expect(errors.deeper).toEqual([expect.stringContaining('through its index.ts')]);
  });

  it('accepts another feature through its index, and a feature’s own files', () => {
    expect(errors.viaIndex).toEqual([]);
  });

  it('refuses a feature in platform/, and people/ beyond its pure model', () => {
    expect(errors.platformToFeature).toEqual([
      expect.stringContaining('platform/ imports no feature'),
    ]);
    expect(errors.platformToPeople).toEqual([expect.stringContaining('people/domain')]);
  });

  it('refuses a feature in people/', () => {
    expect(errors.peopleToFeature).toEqual([expect.stringContaining('people/ imports no feature')]);
  });
});
