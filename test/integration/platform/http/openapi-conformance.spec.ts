import { randomUUID } from 'node:crypto';
import { getJson } from '../../../support/http';
import { call, devToken, newMembers } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Whether a string satisfies a JSON Schema string schema, counting code points as JSON Schema does. */
function documentAllows(schema: Json, value: string): boolean {
  const length = [...value].length;
  return (
    (schema.enum === undefined || schema.enum.includes(value)) &&
    (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(value)) &&
    length >= (schema.minLength ?? 0) &&
    length <= (schema.maxLength ?? Infinity)
  );
}

describe('the OpenAPI document and the server agree', () => {
  const app = useTestApp('openapiconformance');
  const [ana, bo, chen] = newMembers('Ana', 'Bo', 'Chen');
  let team: Team;
  let lead: string;
  let doc: Json;
  const operation = (path: string, method: string) =>
    doc.paths[`/api/v1/teams/{teamId}${path}`][method];
  const bodySchema = (path: string, method: string) =>
    operation(path, method).requestBody.content['application/json'].schema;

  beforeAll(async () => {
    team = await app.install([ana, bo, chen]);
    lead = await devToken(app.url, ana);
    doc = (await getJson(`${app.url}/api/openapi.json`)).json;
  });

  it('marks every request body the routes need as required', async () => {
    const optional = Object.entries(doc.paths as Json).flatMap(([path, operations]) =>
      Object.entries(operations as Json)
        .filter(([, op]) => (op as Json).requestBody && !(op as Json).requestBody.required)
        .map(([method]) => `${method} ${path}`),
    );
    const proposal = await call('POST', `${team.path}/checkin/proposals`, lead, {
      questions: [{ id: 'clear', trait: 'structure-clarity', text: 'Our goals are clear.' }],
    });

    const vote = await call(
      'POST',
      `${team.path}/checkin/proposals/${proposal.json.id}/votes`,
      lead,
    );

    expect(optional).toEqual([]);
    expect(vote.status).toBe(400);
  });

  it('documents the answers to malformed ids and out-of-range queries', async () => {
    const agreement = randomUUID();
    const cases: [string, string, string][] = [
      [
        'GET',
        `/agreements/${agreement}/proposals/not-an-id`,
        '/agreements/{agreementId}/proposals/{proposalId}',
      ],
      [
        'POST',
        `/agreements/${agreement}/proposals/not-an-id/endorsements`,
        '/agreements/{agreementId}/proposals/{proposalId}/endorsements',
      ],
      [
        'POST',
        `/agreements/${agreement}/proposals/not-an-id/ratification`,
        '/agreements/{agreementId}/proposals/{proposalId}/ratification',
      ],
      ['DELETE', '/recognitions/not-an-id', '/recognitions/{id}'],
      ['GET', '/feedback?rounds=53', '/feedback'],
    ];

    const answers = [];
    for (const [method, path, template] of cases) {
      const res = await call(method, `${team.path}${path}`, lead);
      const documented = Object.keys(operation(template, method.toLowerCase()).responses);
      answers.push({
        path,
        status: res.status,
        documented: documented.includes(String(res.status)),
      });
    }

    expect(answers).toEqual(
      cases.map(([, path]) => ({ path, status: expect.any(Number), documented: true })),
    );
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 404, 400]);
  });

  it('accepts a repeated value id, as its document allows, keeping the later value', async () => {
    const res = await call('PUT', `${team.path}/values`, lead, {
      values: [
        { id: 'ownership', label: 'Ownership' },
        { id: 'candor', label: 'Candor' },
        { id: 'ownership', label: 'We own it' },
      ],
    });

    expect(res).toEqual({
      status: 200,
      json: {
        values: [
          { id: 'ownership', label: 'We own it' },
          { id: 'candor', label: 'Candor' },
        ],
      },
    });
  });

  it('states the minimums the server holds leads and proposed questions to', async () => {
    const settings = (await call('GET', `${team.path}/checkin/settings`, lead)).json.settings;

    const noLeads = await call('PUT', `${team.path}/checkin/settings`, lead, {
      settings,
      leads: [],
    });
    const noQuestions = await call('POST', `${team.path}/checkin/proposals`, lead, {
      questions: [],
    });

    expect(noLeads.status).toBe(400);
    expect(bodySchema('/checkin/settings', 'put').properties.leads.minItems).toBe(1);
    expect(noQuestions.status).toBe(400);
    expect(bodySchema('/checkin/proposals', 'post').properties.questions.minItems).toBe(1);
  });

  it('lists the agreement templates a new agreement may start from, and takes each of them', async () => {
    const templates = (await call('GET', `${team.path}/agreement-templates`, lead)).json.items;
    const templateId = bodySchema('/agreements', 'post').properties.templateId;

    expect(templateId.enum).toEqual(templates.map((t: { id: string }) => t.id));
    expect(documentAllows(templateId, '')).toBe(false);
    expect((await call('POST', `${team.path}/agreements`, lead, { templateId: '' })).status).toBe(
      400,
    );
    const adopted = await call('POST', `${team.path}/agreements`, lead, {
      templateId: templates[0].id,
    });
    expect(adopted.status).toBe(201);
  });

  it('judges an agreement’s text and title as its document’s pattern does', async () => {
    const schema = bodySchema('/agreements', 'post').properties;
    const texts = [
      'Reply within a day.',
      `abc${' '.repeat(20)}\nd`,
      '   We review every pull request within one working day.   ',
      '\u3000\u3000short\u3000\u3000',
      'Cameras\u0007are optional in every meeting.',
      '😀'.repeat(12),
      'x'.repeat(2001),
    ];
    const titles = ['Ok', 'A b', ' Reviews ', '🙂🙂🙂', 'T'.repeat(121)];

    const verdicts = [];
    for (const [field, values] of [
      ['text', texts],
      ['title', titles],
    ] as const) {
      for (const value of values) {
        const body = {
          title: 'Reviews within a day',
          text: 'We review every pull request within one working day.',
          category: 'collaboration',
          [field]: value,
        };
        const res = await call('POST', `${team.path}/agreements`, lead, body);
        verdicts.push({
          field,
          value,
          server: res.status === 201,
          document: documentAllows(schema[field], value),
        });
      }
    }

    expect(verdicts.filter((v) => v.server !== v.document)).toEqual([]);
    expect(verdicts.some((v) => v.server) && verdicts.some((v) => !v.server)).toBe(true);
  });

  it('reads every recognition cursor its document allows', async () => {
    const cursor = operation('/recognitions', 'get').parameters.find(
      (p: { name: string }) => p.name === 'cursor',
    ).schema;
    const samples = [
      '1700000000000-0123456789abcdef01234567',
      '0-000000000000000000000000',
      'bm9wZQ',
    ];

    const verdicts = [];
    for (const value of samples) {
      const res = await call('GET', `${team.path}/recognitions?cursor=${value}`, lead);
      verdicts.push({ value, server: res.status === 200, document: documentAllows(cursor, value) });
    }

    expect(verdicts).toEqual(
      samples.map((value, i) => ({ value, server: i < 2, document: i < 2 })),
    );
  });
});
