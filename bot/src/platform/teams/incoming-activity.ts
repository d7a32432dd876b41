import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { CARD_ACTION_INVOKE } from './invoke-routing';

/**
 * Teams ids reach a few hundred characters (personal chats' "a:…" ids are the longest); what
 * Agents Playground sends is shorter still. Anything past this is not an id Teams made.
 */
export const MAX_ID_LENGTH = 1024;
const MAX_NAME_LENGTH = 512;
/** Activity types, invoke names, command ids, card verbs, locales. */
const MAX_TOKEN_LENGTH = 128;
const MAX_URL_LENGTH = 2048;
/** Teams lists at most a few hundred people in one activity; the body limit bounds it anyway. */
const MAX_LISTED = 5000;
/** Card data is a flat form; deeper nesting is not something our cards submit. */
const MAX_CARD_DATA_DEPTH = 16;

// Every message names the field in words and says what it must be: an API client learns what to
// fix, and nothing of the parser's own text (paths, codes) leaves the process.
const missingOr = (label: string, expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `${label} is missing.` : `${label} must be ${expected}.`;

const text = (label: string, max: number) =>
  z
    .string({ error: missingOr(label, 'text') })
    .max(max, `${label} must be at most ${max} characters long.`);

// Every id Teams makes is printable ASCII; the conversation id also travels in an HTTP header
// (x-ms-conversation-id) when the bot replies, where Node refuses anything else.
const id = (label: string) =>
  text(label, MAX_ID_LENGTH)
    .min(1, `${label} is empty.`)
    .regex(/^[\x20-\x7e]+$/, `${label} must be printable ASCII, as Teams ids are.`);

/** Teams leaves some optional fields out and sends others as null; both mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

const account = (label: string, field: string) =>
  // Unknown keys are dropped: accounts are stored in conversation references.
  z.object(
    {
      id: id(`The ${label}'s id`),
      name: optional(text(`The ${label}'s name`, MAX_NAME_LENGTH)),
      aadObjectId: optional(id(`The ${label}'s Entra object id`)),
      role: optional(text(`The ${label}'s role`, MAX_TOKEN_LENGTH)),
    },
    { error: missingOr(`The ${label} ("${field}")`, 'an object') },
  );

const conversation = z.object(
  {
    id: id('The conversation id'),
    name: optional(text('The conversation name', MAX_NAME_LENGTH)),
    conversationType: optional(text('The conversation type', MAX_TOKEN_LENGTH)),
    tenantId: optional(id('The conversation’s tenant id')),
    isGroup: optional(z.boolean({ error: 'The conversation’s isGroup must be true or false.' })),
  },
  { error: missingOr('The conversation', 'an object') },
);

const channelData = z.looseObject(
  {
    team: optional(
      z.looseObject(
        {
          id: id('The team id'),
          name: optional(text('The team name', MAX_NAME_LENGTH)),
        },
        { error: 'The team in channelData must be an object.' },
      ),
    ),
    tenant: optional(
      z.looseObject({ id: id('The tenant id') }, { error: 'The tenant must be an object.' }),
    ),
    meeting: optional(
      z.looseObject({ id: id('The meeting id') }, { error: 'The meeting must be an object.' }),
    ),
    eventType: optional(text('The event type', MAX_TOKEN_LENGTH)),
  },
  { error: 'channelData must be an object.' },
);

const entity = z
  .looseObject(
    {
      type: text('Each entity’s type', MAX_TOKEN_LENGTH),
      text: optional(z.string({ error: 'A mention’s text must be text.' })),
      mentioned: optional(
        z.looseObject(
          {
            id: id('The mentioned id'),
            name: optional(text('The mentioned name', MAX_NAME_LENGTH)),
          },
          { error: 'A mention’s "mentioned" must be an object.' },
        ),
      ),
    },
    { error: 'Each entity must be an object.' },
  )
  .refine(
    (e) => e.type.toLowerCase() !== 'mention' || (e.mentioned && typeof e.text === 'string'),
    'A mention needs the text it replaces and who is "mentioned".',
  );

const members = (label: string) =>
  z
    .array(
      z.looseObject(
        {
          id: id(`Each of ${label}’s ids`),
          name: optional(text(`Each of ${label}’s names`, MAX_NAME_LENGTH)),
          aadObjectId: optional(id(`Each of ${label}’s Entra object ids`)),
        },
        { error: `Each of ${label} must be an object.` },
      ),
      { error: `${label} must be a list.` },
    )
    .max(MAX_LISTED, `${label} lists more than ${MAX_LISTED} people.`);

/** True when a key could be read by MongoDB as an operator (`$…`) or a path (`a.b`). */
const isUnsafeKey = (key: string) => key.startsWith('$') || key.includes('.');

/**
 * Card data goes to the flows as submitted. Walked without recursion, so that deep nesting
 * (which the 256 KB body allows) cannot exhaust the stack.
 */
function cardDataProblem(data: unknown): string | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value: data, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_CARD_DATA_DEPTH) return 'The card data is nested too deeply.';
    for (const [key, inner] of Object.entries(value)) {
      if (!Array.isArray(value) && isUnsafeKey(key)) {
        return 'Card data field names must not start with "$" or contain ".".';
      }
      pending.push({ value: inner, depth: depth + 1 });
    }
  }
  return undefined;
}

const cardData = optional(
  z.record(z.string(), z.unknown(), { error: 'The card data must be an object.' }).check((ctx) => {
    const problem = cardDataProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  }),
);

const commandId = text('The command id', MAX_TOKEN_LENGTH).min(1, 'The command id is empty.');

const messagePayload = optional(
  z.looseObject(
    {
      from: optional(
        z.looseObject(
          {
            user: optional(
              z.looseObject(
                {
                  id: optional(id('The message author’s id')),
                  displayName: optional(text('The message author’s name', MAX_NAME_LENGTH)),
                },
                { error: 'The message author must be an object.' },
              ),
            ),
          },
          { error: 'The message’s "from" must be an object.' },
        ),
      ),
    },
    { error: 'The message payload must be an object.' },
  ),
);

const invokeValues: Record<string, z.ZodType> = {
  'composeExtension/fetchTask': z.looseObject(
    { commandId, data: cardData, messagePayload },
    { error: missingOr('The invoke value', 'an object') },
  ),
  'composeExtension/submitAction': z.looseObject(
    {
      commandId,
      data: cardData,
      messagePayload,
      botMessagePreviewAction: optional(
        z.enum(['edit', 'send'], { error: 'botMessagePreviewAction must be "edit" or "send".' }),
      ),
      botActivityPreview: optional(
        z
          .array(z.unknown(), { error: 'botActivityPreview must be a list.' })
          .max(1, 'botActivityPreview holds one activity.'),
      ),
    },
    { error: missingOr('The invoke value', 'an object') },
  ),
  [CARD_ACTION_INVOKE]: z.looseObject(
    {
      action: z.looseObject(
        {
          type: z.literal('Action.Execute', {
            error: 'Rapport’s cards send Action.Execute: the action type must be "Action.Execute".',
          }),
          verb: text('The card action’s verb', MAX_TOKEN_LENGTH),
          data: cardData,
        },
        { error: missingOr('The card action', 'an object') },
      ),
    },
    { error: missingOr('The invoke value', 'an object') },
  ),
};

/** The invokes Rapport answers: those whose values are read here. The bot refuses the rest. */
export const ANSWERED_INVOKES: ReadonlySet<string> = new Set(Object.keys(invokeValues));

/**
 * Teams' meeting events: they reach the bot where the app is installed in a meeting's chat (RSC
 * `OnlineMeeting.ReadBasic.Chat`) or team (`ChannelMeeting.ReadBasic.Group`), when a meeting
 * actually starts or ends. Their value, as Teams documents it, is read here.
 */
export const MEETING_START_EVENT = 'application/vnd.microsoft.meetingStart';
export const MEETING_END_EVENT = 'application/vnd.microsoft.meetingEnd';

const meetingEventValue = (time: 'StartTime' | 'EndTime') =>
  z.looseObject(
    {
      Id: id('The meeting id ("Id")'),
      MeetingType: text('The meeting type ("MeetingType")', MAX_TOKEN_LENGTH),
      Title: optional(text('The meeting title', MAX_NAME_LENGTH)),
      JoinUrl: optional(text('The meeting’s join URL', MAX_URL_LENGTH)),
      [time]: z.iso.datetime({
        offset: true,
        error: missingOr(`The meeting’s ${time}`, 'an ISO 8601 date and time'),
      }),
    },
    { error: missingOr('The meeting event’s value', 'an object') },
  );

const eventValues: Record<string, z.ZodType> = {
  [MEETING_START_EVENT]: meetingEventValue('StartTime'),
  [MEETING_END_EVENT]: meetingEventValue('EndTime'),
};

/** Every invoke and event name Rapport reads: the only names its metrics count by name. */
export const KNOWN_ACTIVITY_NAMES: ReadonlySet<string> = new Set([
  ...ANSWERED_INVOKES,
  ...Object.keys(eventValues),
]);

/**
 * What the schema of the invoke or event `name` finds wrong with its value; nothing for a name
 * without one. Only the table's own keys count: "constructor" names no schema.
 */
function valueProblems(schemas: Record<string, z.ZodType>, name: string, value: unknown): string[] {
  const parsed = Object.hasOwn(schemas, name) ? schemas[name].safeParse(value) : undefined;
  return parsed && !parsed.success ? parsed.error.issues.map((issue) => issue.message) : [];
}

/**
 * Every field of an incoming activity that Rapport's code reads, checked once at the edge:
 * strings are strings, ids are bounded, and objects that are stored (sender, recipient,
 * conversation: the conversation reference) keep only the fields known here. Fields nobody reads
 * pass through untouched, for botbuilder.
 */
export const incomingActivity = z
  .looseObject(
    {
      type: text('The activity type', MAX_TOKEN_LENGTH).min(1, 'The activity type is empty.'),
      id: id('The activity id'),
      channelId: id('The channel id'),
      serviceUrl: z
        .url({ protocol: /^https?$/, error: missingOr('The serviceUrl', 'an http(s) URL') })
        .max(MAX_URL_LENGTH, `The serviceUrl must be at most ${MAX_URL_LENGTH} characters long.`),
      from: account('sender', 'from'),
      recipient: account('recipient', 'recipient'),
      conversation,
      channelData: optional(channelData),
      name: optional(text('The activity name', MAX_TOKEN_LENGTH)),
      action: optional(text('The installation action', MAX_TOKEN_LENGTH)),
      text: optional(z.string({ error: 'The message text must be text.' })),
      locale: optional(text('The locale', MAX_TOKEN_LENGTH)),
      replyToId: optional(id('replyToId')),
      deliveryMode: optional(text('The delivery mode', MAX_TOKEN_LENGTH)),
      entities: optional(
        z
          .array(entity, { error: 'entities must be a list.' })
          .max(MAX_LISTED, `entities lists more than ${MAX_LISTED} items.`),
      ),
      membersAdded: optional(members('membersAdded')),
      membersRemoved: optional(members('membersRemoved')),
      value: z.unknown().optional(),
    },
    { error: 'The body must be a Bot Framework activity: a JSON object with a "type".' },
  )
  .check((ctx) => {
    const activity = ctx.value;
    let problems: string[] = [];
    if (activity.type === 'event' && activity.name) {
      problems = valueProblems(eventValues, activity.name, activity.value);
    } else if (activity.type === 'invoke') {
      problems = activity.name
        ? valueProblems(invokeValues, activity.name, activity.value)
        : ['An invoke needs a name.'];
    }
    for (const message of problems)
      ctx.issues.push({ code: 'custom', message, input: activity.value });
  });

export type ActivityReading = { ok: true; activity: Activity } | { ok: false; message: string };

/** Reads a request body as an activity; when it cannot, says what to fix in a sentence or three. */
export function readActivity(body: unknown): ActivityReading {
  const parsed = incomingActivity.safeParse(body, {
    // Only reached if a check above lacks its own message: still plain, still no parser text.
    error: () => 'The activity does not match the Bot Framework activity schema.',
  });
  if (parsed.success) {
    // The schema checks every field Rapport reads; botbuilder's Activity names many more, which
    // pass through as sent.
    return { ok: true, activity: parsed.data as unknown as Activity };
  }
  const messages = [...new Set(parsed.error.issues.map((issue) => issue.message))];
  return { ok: false, message: messages.slice(0, 3).join(' ') };
}
