import {
  type Activity,
  MessageFactory,
  TeamsInfo,
  TurnContext,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import type { InstallationRepository } from '../domain/installation';
import {
  completeCommand,
  parseRecognizeText,
  RecognitionError,
  tagKey,
  type Person,
  type RecognitionInput,
  type ValidRecognition,
} from '../domain/recognition';
import type { RecognitionService, TeamSettingsReader } from '../domain/recognition-service';
import type { PeopleDirectory } from '../store/people-directory';
import { adaptiveCard, cardAttachment, type AdaptiveCard } from './cards/adaptive-card';
import { escapeCardText } from './cards/escape';
import { recognitionCard } from './cards/recognition-card';
import {
  RECOGNIZE_VERB,
  recognitionFormCard,
  type RecognitionFormOptions,
} from './cards/recognition-form-card';
import { commandText } from './command-text';
import { conversationIdentity } from './conversation-identity';
import { recognitionWallLink } from './deep-links';
import { InvokeRefusal, type CardVerbHandler, type ExtensionCommand } from './invoke-routing';
import { recognitionDraft, recognitionFormData, type RecognitionDraft } from './recognition-input';

/** The message extension's one command, as the manifest names it. */
export const RECOGNIZE_COMMAND = 'recognize';

export interface RecognitionFlowDeps {
  recognitions: RecognitionService;
  settings: TeamSettingsReader;
  installations: InstallationRepository;
  people: PeopleDirectory;
  teamsAppId: string;
  /** The team's active working agreements, offered for citing on the form. */
  agreements?: { citableList(teamId: string): Promise<{ id: string; title: string }[]> };
}

const FORM_TITLE = 'Recognize a colleague';

function sender(context: TurnContext): Person {
  const from = context.activity.from;
  return {
    aadObjectId: from.aadObjectId ?? from.id,
    name: from.name || 'A teammate',
    teamsUserId: from.id,
  };
}

/** Recognition in Teams: the message extension, the chat command and the form card. */
export function createRecognitionFlow(deps: RecognitionFlowDeps) {
  const teamOf = (context: TurnContext) => {
    const identity = conversationIdentity(context.activity);
    if (!identity) throw new Error('activity without a conversation');
    return identity;
  };

  const isInstalled = async (teamId: string) =>
    (await deps.installations.find(teamId))?.active === true;

  const installedRoster = async (teamId: string): Promise<Person[] | undefined> => {
    const installation = await deps.installations.find(teamId);
    if (!installation?.active) return undefined;
    return deps.installations.roster(teamId);
  };

  const formTask = (card: AdaptiveCard): MessagingExtensionActionResponse => ({
    task: {
      type: 'continue',
      value: { title: FORM_TITLE, width: 'medium', height: 'medium', card: cardAttachment(card) },
    },
  });

  const formOptions = async (
    teamId: string,
    submit: RecognitionFormOptions['submit'],
    extra: Partial<RecognitionFormOptions> = {},
  ): Promise<RecognitionFormOptions> => {
    const [{ values }, roster, agreements] = await Promise.all([
      deps.settings.get(teamId),
      installedRoster(teamId),
      deps.agreements?.citableList(teamId),
    ]);
    return { values, roster, agreements, submit, ...extra };
  };

  /** Turns submitted ids into people with names, from stored rosters first, then from Teams. */
  const resolvePeople = async (
    context: TurnContext,
    teamId: string,
    ids: string[],
  ): Promise<Person[]> => {
    const known = await deps.people.resolve(teamId, ids, teamOf(context).tenantId);
    const people: Person[] = [];
    for (const id of ids) {
      let person = known.get(id);
      if (!person) {
        try {
          const member = await TeamsInfo.getMember(context, id);
          person = {
            aadObjectId: member.aadObjectId ?? id,
            name: member.name,
            teamsUserId: member.id,
          };
        } catch {
          person = { aadObjectId: id, name: 'a colleague' };
        }
      }
      people.push(person);
    }
    return people;
  };

  /** A preview whose draft cannot be read (edited by hand, or from an older version) starts over. */
  const unreadablePreview = async (teamId: string) =>
    formTask(recognitionFormCard(await formOptions(teamId, 'task', { error: UNREADABLE_PREVIEW })));

  const wallUrl = (teamId: string) => recognitionWallLink(deps.teamsAppId, teamId);

  const postedCard = (teamId: string, recognition: ValidRecognition) =>
    MessageFactory.attachment(cardAttachment(recognitionCard(recognition, wallUrl(teamId))));

  const inputFromForm = async (
    context: TurnContext,
    teamId: string,
    data: unknown,
  ): Promise<RecognitionInput> => {
    const parsed = recognitionFormData.safeParse(data ?? {});
    // Teams submits the form's inputs as text; anything else did not come from this form.
    if (!parsed.success) throw new InvokeRefusal('UNREADABLE_FORM', UNREADABLE_FORM);
    const form = parsed.data;
    const ids = [...(form.author ? [form.author] : []), ...form.people, ...form.teammates];
    return {
      sender: sender(context),
      recipients: await resolvePeople(context, teamId, ids),
      tag: form.tag,
      message: form.message,
      ...(form.agreement ? { agreementId: form.agreement } : {}),
    };
  };

  const prefillOf = (input: RecognitionInput) => ({
    recipients: input.recipients.map((r) => r.aadObjectId),
    tag: input.tag,
    message: input.message,
    agreementId: input.agreementId,
  });

  const recognize: ExtensionCommand = {
    async fetchTask(
      context: TurnContext,
      action: MessagingExtensionAction,
    ): Promise<MessagingExtensionActionResponse> {
      const team = teamOf(context);
      const user = action.messagePayload?.from?.user;
      const author = user?.id
        ? { aadObjectId: user.id, name: user.displayName || 'the author' }
        : undefined;
      return formTask(recognitionFormCard(await formOptions(team.id, 'task', { author })));
    },

    async submitAction(
      context: TurnContext,
      action: MessagingExtensionAction,
    ): Promise<MessagingExtensionActionResponse> {
      const team = teamOf(context);
      const input = await inputFromForm(context, team.id, action.data);
      const formWithError = async (err: RecognitionError) =>
        formTask(
          recognitionFormCard(
            await formOptions(team.id, 'task', { error: err.message, prefill: prefillOf(input) }),
          ),
        );
      try {
        if (!(await isInstalled(team.id))) {
          // No bot here to post it: store it now and hand the card to the compose box.
          const { recognition } = await deps.recognitions.give(
            team.id,
            `${context.activity.id}|${input.sender.aadObjectId}`,
            input,
          );
          return {
            composeExtension: {
              type: 'result',
              attachmentLayout: 'list',
              attachments: [cardAttachment(recognitionCard(recognition, wallUrl(team.id)))],
            },
          };
        }
        // The bot is in this conversation: show a preview the sender can edit or send, and the
        // bot posts it, so recipients are @mentioned properly.
        const valid = await deps.recognitions.check(team.id, input);
        const draft: RecognitionDraft = {
          recipients: valid.recipients,
          tag: tagKey(valid.tag),
          message: valid.message,
          ...(valid.agreement ? { agreementId: valid.agreement.id } : {}),
        };
        const preview = recognitionCard(valid, wallUrl(team.id), { rapportDraft: draft });
        return {
          composeExtension: {
            type: 'botMessagePreview',
            activityPreview: MessageFactory.attachment(cardAttachment(preview)) as Activity,
          },
        };
      } catch (err) {
        if (!(err instanceof RecognitionError)) throw err;
        return formWithError(err);
      }
    },

    async previewEdit(
      context: TurnContext,
      action: MessagingExtensionAction,
    ): Promise<MessagingExtensionActionResponse> {
      const team = teamOf(context);
      const draft = readDraft(action);
      if (!draft) return unreadablePreview(team.id);
      return formTask(
        recognitionFormCard(
          await formOptions(team.id, 'task', {
            prefill: {
              recipients: draft.recipients.map((r) => r.aadObjectId),
              tag: draft.tag,
              message: draft.message,
              agreementId: draft.agreementId,
            },
          }),
        ),
      );
    },

    async previewSend(
      context: TurnContext,
      action: MessagingExtensionAction,
    ): Promise<MessagingExtensionActionResponse> {
      const team = teamOf(context);
      const draft = readDraft(action);
      if (!draft) return unreadablePreview(team.id);
      const from = sender(context);
      const input: RecognitionInput = { sender: from, ...draft };
      try {
        const { recognition, created } = await deps.recognitions.give(
          team.id,
          `${context.activity.id}|${from.aadObjectId}`,
          input,
        );
        if (created) await context.sendActivity(postedCard(team.id, recognition));
        return {};
      } catch (err) {
        if (!(err instanceof RecognitionError)) throw err;
        return formTask(
          recognitionFormCard(
            await formOptions(team.id, 'task', { error: err.message, prefill: prefillOf(input) }),
          ),
        );
      }
    },
  };

  /** The form card's Recognize button (Action.Execute): posts the recognition, updates the form in place. */
  const executeForm: CardVerbHandler = async (context, data) => {
    const team = teamOf(context);
    const input = await inputFromForm(context, team.id, data);
    try {
      const { recognition, created } = await deps.recognitions.give(
        team.id,
        `${context.activity.id}|${input.sender.aadObjectId}`,
        input,
      );
      if (created) await context.sendActivity(postedCard(team.id, recognition));
      return adaptiveCard([
        {
          type: 'TextBlock',
          text: `Thanks for recognizing ${escapeCardText(recognition.recipients.map((r) => r.name).join(', '))}.`,
          wrap: true,
        },
      ]);
    } catch (err) {
      if (!(err instanceof RecognitionError)) throw err;
      return recognitionFormCard(
        await formOptions(team.id, 'execute', { error: err.message, prefill: prefillOf(input) }),
      );
    }
  };

  return {
    extensionCommands: { [RECOGNIZE_COMMAND]: recognize },
    cardVerbs: { [RECOGNIZE_VERB]: executeForm },

    /**
     * "recognize @Ana for dependability great release notes". Anything it cannot read fully
     * gets the form, pre-filled with what it could read, instead of an error.
     */
    async command(context: TurnContext): Promise<boolean> {
      const team = teamOf(context);
      const activity = context.activity;
      const text = commandText(activity);
      const mentions = TurnContext.getMentions(activity).filter(
        (m) => m.mentioned.id !== activity.recipient.id,
      );
      const resolved = await deps.people.resolveTeamsUsers(
        team.id,
        mentions.map((m) => m.mentioned.id),
      );
      const mentioned = await Promise.all(
        mentions.map(async (m) => ({
          marker: m.text ?? `<at>${m.mentioned.name}</at>`,
          person:
            resolved.get(m.mentioned.id) ??
            (await resolvePeople(context, team.id, [m.mentioned.id]))[0],
        })),
      );
      const parsed = parseRecognizeText(text, mentioned);
      if (!parsed) return false;
      const { values } = await deps.settings.get(team.id);
      const completed = completeCommand(parsed, values);
      const input: RecognitionInput = {
        sender: sender(context),
        recipients: parsed.recipients,
        tag: completed.tag ? tagKey(completed.tag) : '',
        message: completed.message,
      };
      try {
        const { recognition, created } = await deps.recognitions.give(
          team.id,
          `${activity.id}|${input.sender.aadObjectId}`,
          input,
        );
        if (created) await context.sendActivity(postedCard(team.id, recognition));
      } catch (err) {
        if (!(err instanceof RecognitionError)) throw err;
        const known = parsed.recipients.length > 0 || completed.tag || completed.message;
        const form = recognitionFormCard(
          await formOptions(team.id, 'execute', {
            error: known ? err.message : undefined,
            prefill: prefillOf(input),
          }),
        );
        await context.sendActivity(MessageFactory.attachment(cardAttachment(form)));
      }
      return true;
    },
  };
}

function readDraft(action: MessagingExtensionAction): RecognitionDraft | undefined {
  const content: unknown = action.botActivityPreview?.[0]?.attachments?.[0]?.content;
  const draft =
    typeof content === 'object' && content !== null
      ? (content as Record<string, unknown>).rapportDraft
      : undefined;
  const parsed = recognitionDraft.safeParse(draft);
  return parsed.success ? parsed.data : undefined;
}

const UNREADABLE_FORM = 'The recognition form could not be read. Open it again and fill it in.';

const UNREADABLE_PREVIEW =
  'This preview could not be read any more. Fill in the recognition again.';

export type RecognitionFlow = ReturnType<typeof createRecognitionFlow>;
