import { TurnContext } from 'botbuilder';
import {
  completeCommand,
  parseRecognizeText,
  recognizeVerb,
  tagKey,
  type RecognitionInput,
} from '../domain/recognition';
import type { RecognitionService, TeamSettingsReader } from '../recognition-service';
import { commandText } from '../../../platform/teams/command-text';
import type { ConversationIdentity } from '../../../platform/teams/conversation-identity';
import type { createChatDrafts } from './recognition-chat-draft';
import { giveUnlessRefused, sender, teamOf, type RecognitionForms } from './recognition-forms';
import { personalChatHint, thanksHint } from './recognition-hints';
import { RECOGNITION_WORDS } from './recognition-words';
import { turnTranslator } from '../../../platform/teams/turn-locale';
import type { RecipientLookup } from './recognition-recipients';

interface CommandDeps {
  recognitions: RecognitionService;
  settings: TeamSettingsReader;
  recipients: RecipientLookup;
  forms: RecognitionForms;
  drafts: ReturnType<typeof createChatDrafts>;
}

type Parsed = NonNullable<ReturnType<typeof parseRecognizeText>>;

/**
 * "recognize @Ana for dependability great release notes". Anything it cannot read fully gets
 * the form, pre-filled with what it could read, instead of an error: posted as its sender's
 * draft, which only they can fill in and send. False when the message is not this command.
 */
export function createRecognitionCommand(deps: CommandDeps) {
  return async (context: TurnContext): Promise<boolean> => {
    const team = teamOf(context);
    const verb = recognizeVerb(commandText(context.activity), RECOGNITION_WORDS);
    if (!verb) return false;
    const t = turnTranslator(context);
    if (team.kind === 'personal') {
      await context.sendActivity(personalChatHint(verb === 'thanks', t));
      return true;
    }
    const read = await readCommand(deps, context, team);
    if (!read) return false;
    const { parsed, outsiderIds } = read;
    const { values } = await deps.settings.get(team.id);
    const completed = completeCommand(parsed, values, RECOGNITION_WORDS);
    if (parsed.thanks && parsed.recipients.length === 0 && !completed.tag) {
      await context.sendActivity(thanksHint(t));
      return true;
    }
    const input: RecognitionInput = {
      sender: sender(context),
      recipients: parsed.recipients.filter((p) => !outsiderIds.has(p.aadObjectId)),
      tag: completed.tag ? tagKey(completed.tag) : '',
      message: completed.message,
    };
    const outsiders = parsed.recipients.filter((p) => outsiderIds.has(p.aadObjectId));
    const known = parsed.recipients.length > 0 || !!completed.tag || !!completed.message;
    await giveOrDraft(deps, context, team, input, {
      outsiders: outsiders.map((p) => p.name),
      known,
    });
    return true;
  };
}

/** The command's text with its @mentions resolved to people; outsiders stand in as people too. */
async function readCommand(
  deps: CommandDeps,
  context: TurnContext,
  team: ConversationIdentity,
): Promise<{ parsed: Parsed; outsiderIds: Set<string> } | undefined> {
  const { activity } = context;
  const mentions = TurnContext.getMentions(activity).filter(
    (m) => m.mentioned.id !== activity.recipient.id,
  );
  const found = await deps.recipients.find(
    context,
    team,
    mentions.map((m) => ({ id: m.mentioned.id, by: 'teams', name: m.mentioned.name })),
  );
  // Outsiders stand in as people too, so their mention is taken out of the message.
  const mentioned = mentions.map((m, i) => {
    const f = found[i];
    return {
      marker: m.text ?? `<at>${m.mentioned.name}</at>`,
      person: f.found === 'member' ? f.person : { aadObjectId: f.id, name: f.name },
    };
  });
  const parsed = parseRecognizeText(commandText(activity), mentioned, RECOGNITION_WORDS);
  if (!parsed) return undefined;
  const outsiderIds = new Set(found.flatMap((f) => (f.found === 'outsider' ? [f.id] : [])));
  return { parsed, outsiderIds };
}

/** Gives the recognition, or posts the sender's draft with why it could not be given. */
async function giveOrDraft(
  deps: CommandDeps,
  context: TurnContext,
  team: ConversationIdentity,
  input: RecognitionInput,
  { outsiders, known }: { outsiders: string[]; known: boolean },
): Promise<void> {
  await giveUnlessRefused(
    turnTranslator(context),
    team,
    { input, outsiders },
    async () => {
      const { recognition, created } = await deps.recognitions.give(
        team.id,
        `${context.activity.id}|${input.sender.aadObjectId}`,
        input,
      );
      if (created) await context.sendActivity(await deps.forms.posted(team.id, recognition));
    },
    ({ error }) => deps.drafts.post(context, input, known ? error : undefined),
  );
}
