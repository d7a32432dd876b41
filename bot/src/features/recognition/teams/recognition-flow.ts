import {
  type Activity,
  MessageFactory,
  TurnContext,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import type { InstallationRepository } from '../../../people/domain/installation';
import {
  completeCommand,
  parseRecognizeText,
  recognizeVerb,
  RecognitionError,
  tagKey,
  type RecognitionInput,
} from '../domain/recognition';
import type { RecognitionService, TeamSettingsReader } from '../recognition-service';
import type { Logger } from '../../../logger';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { recognitionCard } from './cards/recognition-card';
import { recognitionFormCard } from './cards/recognition-form-card';
import { commandText } from '../../../platform/teams/command-text';
import type { ExtensionCommand } from '../../../platform/teams/invoke-routing';
import { createChatDrafts } from './recognition-chat-draft';
import {
  createRecognitionForms,
  prefillOf,
  refuseOutsiders,
  sender,
  teamOf,
} from './recognition-forms';
import { personalChatHint, THANKS_HINT } from './recognition-hints';
import { recognitionDraft, type RecognitionDraft } from './recognition-input';
import type { RecipientLookup } from './recognition-recipients';

/** The message extension's one command, as the manifest names it. */
export const RECOGNIZE_COMMAND = 'recognize';

export interface RecognitionFlowDeps {
  recognitions: RecognitionService;
  settings: TeamSettingsReader;
  installations: InstallationRepository;
  /** Who a recognition names, and whether they are in the team or chat it is given in. */
  recipients: RecipientLookup;
  teamsAppId: string;
  logger: Logger;
  /** The team's active working agreements, offered for citing on the form. */
  agreements?: { citableList(teamId: string): Promise<{ id: string; title: string }[]> };
}

const FORM_TITLE = 'Recognize a colleague';

/** Recognition in Teams: the message extension, the chat command and the draft it posts. */
export function createRecognitionFlow(deps: RecognitionFlowDeps) {
  const forms = createRecognitionForms(deps);
  const drafts = createChatDrafts({ forms, recognitions: deps.recognitions, logger: deps.logger });

  const formTask = (card: AdaptiveCard): MessagingExtensionActionResponse => ({
    task: {
      type: 'continue',
      value: { title: FORM_TITLE, width: 'medium', height: 'medium', card: cardAttachment(card) },
    },
  });

  /** A preview whose draft cannot be read (edited by hand, or from an older version) starts over. */
  const unreadablePreview = async (teamId: string) =>
    formTask(
      recognitionFormCard(await forms.options(teamId, 'task', { error: UNREADABLE_PREVIEW })),
    );

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
      return formTask(recognitionFormCard(await forms.options(team.id, 'task', { author })));
    },

    async submitAction(
      context: TurnContext,
      action: MessagingExtensionAction,
    ): Promise<MessagingExtensionActionResponse> {
      const team = teamOf(context);
      const { input, outsiders } = await forms.read(context, team, action.data);
      const formWithError = async (err: RecognitionError) =>
        formTask(
          recognitionFormCard(
            await forms.options(team.id, 'task', { error: err.message, prefill: prefillOf(input) }),
          ),
        );
      try {
        refuseOutsiders(team, outsiders);
        if (!(await forms.isInstalled(team.id))) {
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
              attachments: [cardAttachment(recognitionCard(recognition, forms.wallUrl(team.id)))],
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
        const preview = recognitionCard(valid, forms.wallUrl(team.id), { rapportDraft: draft });
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
          await forms.options(team.id, 'task', {
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
      // The draft travelled through the client: who it names is checked again, by id.
      const { recipients, outsiders } = await forms.chosen(context, team, draft.recipients);
      const input: RecognitionInput = { sender: from, ...draft, recipients };
      try {
        refuseOutsiders(team, outsiders);
        const { recognition, created } = await deps.recognitions.give(
          team.id,
          `${context.activity.id}|${from.aadObjectId}`,
          input,
        );
        if (created) await context.sendActivity(forms.posted(team.id, recognition));
        return {};
      } catch (err) {
        if (!(err instanceof RecognitionError)) throw err;
        return formTask(
          recognitionFormCard(
            await forms.options(team.id, 'task', { error: err.message, prefill: prefillOf(input) }),
          ),
        );
      }
    },
  };

  return {
    extensionCommands: { [RECOGNIZE_COMMAND]: recognize },
    cardVerbs: drafts.cardVerbs,

    /**
     * "recognize @Ana for dependability great release notes". Anything it cannot read fully
     * gets the form, pre-filled with what it could read, instead of an error: posted as its
     * sender's draft, which only they can fill in and send.
     */
    async command(context: TurnContext): Promise<boolean> {
      const team = teamOf(context);
      const activity = context.activity;
      const text = commandText(activity);
      const verb = recognizeVerb(text);
      if (!verb) return false;
      if (team.kind === 'personal') {
        await context.sendActivity(personalChatHint(verb === 'thanks'));
        return true;
      }
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
      const parsed = parseRecognizeText(text, mentioned);
      if (!parsed) return false;
      const outsiderIds = new Set(found.flatMap((f) => (f.found === 'outsider' ? [f.id] : [])));
      const named = parsed.recipients;
      const outsiders = named.filter((p) => outsiderIds.has(p.aadObjectId)).map((p) => p.name);
      const { values } = await deps.settings.get(team.id);
      const completed = completeCommand(parsed, values);
      if (parsed.thanks && parsed.recipients.length === 0 && !completed.tag) {
        await context.sendActivity(THANKS_HINT);
        return true;
      }
      const input: RecognitionInput = {
        sender: sender(context),
        recipients: named.filter((p) => !outsiderIds.has(p.aadObjectId)),
        tag: completed.tag ? tagKey(completed.tag) : '',
        message: completed.message,
      };
      try {
        refuseOutsiders(team, outsiders);
        const { recognition, created } = await deps.recognitions.give(
          team.id,
          `${activity.id}|${input.sender.aadObjectId}`,
          input,
        );
        if (created) await context.sendActivity(forms.posted(team.id, recognition));
      } catch (err) {
        if (!(err instanceof RecognitionError)) throw err;
        const known = parsed.recipients.length > 0 || completed.tag || completed.message;
        await drafts.post(context, input, known ? err.message : undefined);
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

const UNREADABLE_PREVIEW =
  'This preview could not be read any more. Fill in the recognition again.';

export type RecognitionFlow = ReturnType<typeof createRecognitionFlow>;
