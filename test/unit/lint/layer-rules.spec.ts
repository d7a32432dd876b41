import { lintTexts, rulesOf } from '../../support/lint-texts';

interface Case {
  name: string;
  /**
   * An existing file of the layer, linted with the case's code in place of its own (the file is
   * not changed): type-aware rules can type only files a tsconfig holds.
   */
  file: string;
  code: string;
  /** The rule that must reject the code, or null when the code must pass every rule. */
  fails: string | null;
}

const cases: Case[] = [
  {
    name: 'English words in a card builder’s text',
    file: 'bot/src/features/coffee/teams/cards/coffee-cards.ts',
    code: "export const card = { type: 'TextBlock', text: 'Virtual coffee is off here.' };\n",
    fails: 'no-restricted-syntax',
  },
  {
    name: 'English words in a card action’s title, as a template',
    file: 'bot/src/features/checkins/teams/cards/checkin-card.ts',
    code: "const n = 2;\nexport const action = { type: 'Action.Execute', title: `Pause ${n}` };\n",
    fails: 'no-restricted-syntax',
  },
  {
    name: 'a literal reply in a Teams flow',
    file: 'bot/src/features/checkins/teams/checkin-flow.ts',
    code: "export const reply = (c: { sendActivity(t: string): void }) => c.sendActivity('Hi there');\n",
    fails: 'no-restricted-syntax',
  },
  {
    name: 'card text from the catalog',
    file: 'bot/src/features/coffee/teams/cards/coffee-cards.ts',
    code: "import { translator } from '../../../../platform/i18n/messages';\nconst t = translator('de');\nexport const card = { type: 'TextBlock', text: t('coffee.status.off') };\n",
    fails: null,
  },
  {
    name: 'Bot Framework in a domain file',
    file: 'bot/src/features/checkins/domain/checkin.ts',
    code: "import type { TurnContext } from 'botbuilder';\nexport type Context = TurnContext;\n",
    fails: 'layers/botbuilder',
  },
  {
    name: 'the database in a domain file',
    file: 'bot/src/platform/domain/week.ts',
    code: "import type { Db } from 'mongodb';\nexport type Store = Db;\n",
    fails: 'layers/mongodb',
  },
  {
    name: 'node:http in a domain file',
    file: 'bot/src/people/domain/installation.ts',
    code: "import type { IncomingMessage } from 'node:http';\nexport type Incoming = IncomingMessage;\n",
    fails: 'layers/pure-domain',
  },
  {
    name: 'a domain file importing a store file',
    file: 'bot/src/features/checkins/domain/checkin.ts',
    code: "export { collections } from '../../../platform/store/collections';\n",
    fails: 'layers/pure-domain',
  },
  {
    name: 'a domain file importing zod and other domain files',
    file: 'bot/src/features/checkins/domain/checkin.ts',
    code:
      "import { z } from 'zod';\nimport { TRAIT_IDS } from '../../../platform/domain/traits';\n" +
      "import { isoWeekKey } from '../../../platform/domain/week';\nimport type { Round } from './checkin-ports';\n" +
      'export const note = z.string();\nexport { TRAIT_IDS, isoWeekKey, type Round };\n',
    fails: null,
  },
  {
    name: 'Bot Framework in a service',
    file: 'bot/src/features/checkins/checkin-service.ts',
    code: "import { MessageFactory } from 'botbuilder';\nexport const card = MessageFactory.attachment;\n",
    fails: 'layers/botbuilder',
  },
  {
    name: "Bot Framework in a feature's Teams flow",
    file: 'bot/src/features/checkins/teams/checkin-flow.ts',
    code: "import type { TurnContext } from 'botbuilder';\nexport type Context = TurnContext;\n",
    fails: null,
  },
  {
    name: 'restify in a Teams flow',
    file: 'bot/src/features/recognition/teams/recognition-flow.ts',
    code: "import type { Request } from 'restify';\nexport type Incoming = Request;\n",
    fails: 'layers/restify',
  },
  {
    name: 'restify in a route file',
    file: 'bot/src/features/recognition/recognition-routes.ts',
    code: "import type { Server } from 'restify';\nexport type Routes = Server;\n",
    fails: null,
  },
  {
    name: 'the database in a Teams flow',
    file: 'bot/src/features/agreements/teams/agreement-flow.ts',
    code: "import type { Db } from 'mongodb';\nexport type Store = Db;\n",
    fails: 'layers/mongodb',
  },
  {
    name: 'the database in a route file',
    file: 'bot/src/people/member-routes.ts',
    code: "import { ObjectId } from 'mongodb';\nexport const id = () => new ObjectId();\n",
    fails: 'layers/mongodb',
  },
  {
    name: "the database in a feature's repository",
    file: 'bot/src/features/agreements/agreement-repository.ts',
    code: "import type { Db } from 'mongodb';\nexport type Store = Db;\n",
    fails: null,
  },
  {
    name: 'a promise nobody awaits',
    file: 'bot/src/platform/jobs/scheduler.ts',
    code: 'export async function tick(run: () => Promise<void>) {\n  run();\n}\n',
    fails: '@typescript-eslint/no-floating-promises',
  },
  {
    name: 'a promise awaited',
    file: 'bot/src/platform/jobs/scheduler.ts',
    code: 'export async function tick(run: () => Promise<void>) {\n  await run();\n}\n',
    fails: null,
  },
];

describe('layer rules and promise rules in eslint.config.mjs', () => {
  let rules: string[][];

  beforeAll(async () => {
    rules = (await lintTexts(cases.map((c) => ({ filePath: c.file, code: c.code })))).map(rulesOf);
  }, 120_000);

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    expect(rules[i]).toEqual(c.fails === null ? [] : [c.fails]);
  });
});
