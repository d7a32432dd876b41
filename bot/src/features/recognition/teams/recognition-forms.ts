import { MessageFactory, type TurnContext } from 'botbuilder';
import type { InstallationRepository } from '../../../people/domain/installation';
import {
  notInConversationError,
  RecognitionError,
  type Person,
  type RecognitionInput,
  type ValidRecognition,
} from '../domain/recognition';
import type { TeamSettingsReader } from '../recognition-service';
import { cardAttachment } from '../../../platform/teams/cards/adaptive-card';
import { recognitionCard } from './cards/recognition-card';
import type { RecognitionFormOptions } from './cards/recognition-form-card';
import {
  conversationIdentity,
  type ConversationIdentity,
} from '../../../platform/teams/conversation-identity';
import { recognitionWallLink } from '../../../platform/teams/deep-links';
import { InvokeRefusal } from '../../../platform/teams/invoke-routing';
import { membersFound, outsiderNames, type RecipientLookup } from './recognition-recipients';
import { recognitionFormData, type RecognitionFormData } from './recognition-input';
import { translator, type Translate } from '../../../platform/i18n/messages';
import { refusalText } from '../../../platform/i18n/refusal-text';
import { turnTranslator } from '../../../platform/teams/turn-locale';

export function sender(context: TurnContext): Person {
  const from = context.activity.from;
  return {
    aadObjectId: from.aadObjectId ?? from.id,
    name: from.name || 'A teammate',
    teamsUserId: from.id,
  };
}

export function teamOf(context: TurnContext): ConversationIdentity {
  const identity = conversationIdentity(context.activity);
  if (!identity) throw new Error('activity without a conversation');
  return identity;
}

/** What was entered, to fill the form in again when it comes back with an error. */
const prefillOf = (input: RecognitionInput): NonNullable<RecognitionFormOptions['prefill']> => ({
  recipients: input.recipients.map((r) => r.aadObjectId),
  tag: input.tag,
  message: input.message,
  agreementId: input.agreementId,
});

/**
 * Runs `give` unless the input names someone outside the conversation. A refusal (that, or a
 * rule of recognition the service applies) goes to `refused` with its reason and what was
 * entered, so every way of recognizing can bring the form back filled in.
 */
export async function giveUnlessRefused<T>(
  t: Translate,
  team: ConversationIdentity,
  { input, outsiders }: { input: RecognitionInput; outsiders: readonly string[] },
  give: () => Promise<T>,
  refused: (again: Required<Pick<RecognitionFormOptions, 'error' | 'prefill'>>) => Promise<T>,
): Promise<T> {
  try {
    if (outsiders.length > 0)
      throw notInConversationError(outsiders, team.kind === 'team' ? 'team' : 'chat');
    return await give();
  } catch (err) {
    if (!(err instanceof RecognitionError)) throw err;
    return refused({ error: refusalText(t, err), prefill: prefillOf(input) });
  }
}

/** The form's fields as submitted; Teams submits inputs as text, so anything else is refused. */
export function formFields(data: unknown, t: Translate): RecognitionFormData {
  const parsed = recognitionFormData.safeParse(data ?? {});
  if (!parsed.success) throw new InvokeRefusal('UNREADABLE_FORM', t('recognition.form.unreadable'));
  return parsed.data;
}

/**
 * What every way of recognizing in Teams shares (the message extension, the chat command and
 * the draft it posts): the form's choices for the team, reading a filled-in form, the card posted.
 */
export function createRecognitionForms(deps: {
  settings: TeamSettingsReader;
  installations: Pick<InstallationRepository, 'find' | 'roster'>;
  recipients: RecipientLookup;
  teamsAppId: string;
  /** The team's active working agreements, offered for citing on the form. */
  agreements?: { citableList(teamId: string): Promise<{ id: string; title: string }[]> };
}) {
  const isInstalled = async (teamId: string) =>
    (await deps.installations.find(teamId))?.active === true;

  const installedRoster = async (teamId: string): Promise<Person[] | undefined> =>
    (await isInstalled(teamId)) ? deps.installations.roster(teamId) : undefined;

  /** The people chosen by Entra object id, and the names of any outside the conversation. */
  const chosen = async (
    context: TurnContext,
    team: ConversationIdentity,
    people: readonly { aadObjectId: string; name?: string }[],
  ) => {
    const found = await deps.recipients.find(
      context,
      team,
      people.map((p) => ({ id: p.aadObjectId, by: 'entra', name: p.name })),
    );
    return { recipients: membersFound(found), outsiders: outsiderNames(found) };
  };

  const wallUrl = (teamId: string, t: Translate) => recognitionWallLink(t, deps.teamsAppId, teamId);

  return {
    isInstalled,
    chosen,
    wallUrl,

    /** The form's choices for the team, in the language of the person filling it in. */
    async options(
      teamId: string,
      submit: RecognitionFormOptions['submit'],
      t: Translate,
      extra: Partial<RecognitionFormOptions> = {},
    ): Promise<RecognitionFormOptions> {
      const [{ values }, roster, agreements] = await Promise.all([
        deps.settings.get(teamId),
        installedRoster(teamId),
        deps.agreements?.citableList(teamId),
      ]);
      return { values, roster, agreements, submit, t, ...extra };
    },

    /** A filled-in form as a recognition to give, and who on it is not in the conversation. */
    async read(
      context: TurnContext,
      team: ConversationIdentity,
      data: unknown,
    ): Promise<{ input: RecognitionInput; outsiders: string[] }> {
      const form = formFields(data, turnTranslator(context));
      const ids = [...(form.author ? [form.author] : []), ...form.people, ...form.teammates];
      const { recipients, outsiders } = await chosen(
        context,
        team,
        ids.map((aadObjectId) => ({ aadObjectId })),
      );
      return {
        input: {
          sender: sender(context),
          recipients,
          tag: form.tag,
          message: form.message,
          ...(form.agreement ? { agreementId: form.agreement } : {}),
        },
        outsiders,
      };
    },

    /** The recognition as the bot posts it in the conversation, for everyone: in the team's language. */
    async posted(teamId: string, recognition: ValidRecognition) {
      const t = translator((await deps.settings.get(teamId)).language);
      return MessageFactory.attachment(
        cardAttachment(recognitionCard(recognition, wallUrl(teamId, t), t)),
      );
    },
  };
}

export type RecognitionForms = ReturnType<typeof createRecognitionForms>;
