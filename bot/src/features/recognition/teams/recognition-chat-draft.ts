import { randomUUID } from 'node:crypto';
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { RecognitionInput } from '../domain/recognition';
import type { RecognitionService } from '../recognition-service';
import type { Logger } from '../../../logger';
import { adaptiveCard, cardAttachment } from '../../../platform/teams/cards/adaptive-card';
import { replaceCardForAll } from '../../../platform/teams/cards/replace-for-all';
import { escapeCardText } from '../../../platform/teams/cards/escape';
import {
  draftNotYoursCard,
  draftPlaceholderCard,
  draftPostedCard,
  outdatedFormCard,
  RECOGNITION_DRAFT_VERB,
} from './cards/recognition-draft-card';
import { RECOGNIZE_VERB, recognitionFormCard } from './cards/recognition-form-card';
import type { CardVerbHandler } from '../../../platform/teams/invoke-routing';
import { turnTranslator } from '../../../platform/teams/turn-locale';
import {
  formFields,
  giveUnlessRefused,
  sender,
  teamOf,
  type RecognitionForms,
} from './recognition-forms';
import {
  chatDraft,
  chatDraftContent,
  MAX_DRAFT_MESSAGE,
  type ChatDraft,
  type ChatDraftContent,
} from './recognition-input';

/**
 * The form the chat command posts when it cannot complete a recognition, as its sender's draft.
 * Everyone sees who is writing; only the sender's Teams turns it into the form (Universal
 * Actions' refresh, for them alone), and the bot refuses anyone else who sends it, since the
 * card's JSON is in every member's client. Sending is keyed by the draft's id, so a second press
 * (a new invoke each time) posts nothing more.
 *
 * Long only as a factory: the draft's verb handlers, each short, sharing its deps.
 */
export function createChatDrafts(deps: {
  forms: RecognitionForms;
  recognitions: RecognitionService;
  logger: Logger;
}) {
  const isOwner = (context: TurnContext, draft: ChatDraft) =>
    sender(context).aadObjectId === draft.ownerId;

  /** Its owner's form (their refresh, or Open); anyone else is told whose draft it is. */
  const open: CardVerbHandler = async (context, data) => {
    const t = turnTranslator(context);
    const parsed = chatDraftContent.safeParse(data);
    if (!parsed.success) return outdatedFormCard(t);
    const { recipients, tag, message, error, ...draft } = parsed.data;
    if (!isOwner(context, draft)) return draftNotYoursCard(draft, t);
    return recognitionFormCard(
      await deps.forms.options(teamOf(context).id, 'execute', t, {
        draft,
        error,
        prefill: { recipients, tag, message },
      }),
    );
  };

  /** The form's Recognize button: its owner posts the recognition, once. */
  const send: CardVerbHandler = async (context, data) => {
    const t = turnTranslator(context);
    // Malformed input is refused as such (a card error), whoever sent it.
    formFields(data, t);
    const parsed = chatDraft.safeParse(data);
    if (!parsed.success) return outdatedFormCard(t);
    const draft = parsed.data;
    if (!isOwner(context, draft)) return draftNotYoursCard(draft, t);
    const team = teamOf(context);
    const read = await deps.forms.read(context, team, data);
    return giveUnlessRefused(
      t,
      team,
      read,
      async () => {
        const { recognition, created } = await deps.recognitions.give(
          team.id,
          `draft|${draft.draftId}|${draft.ownerId}`,
          read.input,
        );
        const names = recognition.recipients.map((r) => r.name);
        if (created) {
          await context.sendActivity(await deps.forms.posted(team.id, recognition));
          // The draft closes for everyone once it is sent.
          await replaceCardForAll(
            context,
            draftPostedCard(draft.ownerName, names, t),
            deps.logger,
            'recognition draft: could not replace it for everyone',
          );
        }
        return adaptiveCard([
          {
            type: 'TextBlock',
            text: t('recognition.draft.thanks', {
              recipients: escapeCardText(names.join(', ')),
            }),
            wrap: true,
          },
        ]);
      },
      async (again) =>
        recognitionFormCard(await deps.forms.options(team.id, 'execute', t, { draft, ...again })),
    );
  };

  return {
    cardVerbs: { [RECOGNIZE_VERB]: send, [RECOGNITION_DRAFT_VERB]: open },

    /** Posts what the command could read as the sender's draft, with why it needs the form. */
    async post(context: TurnContext, input: RecognitionInput, error?: string): Promise<void> {
      const draft: ChatDraftContent = {
        draftId: randomUUID(),
        ownerId: input.sender.aadObjectId,
        ownerName: input.sender.name,
        recipients: input.recipients.map((r) => r.aadObjectId),
        tag: input.tag,
        message: input.message.slice(0, MAX_DRAFT_MESSAGE),
        ...(error ? { error } : {}),
      };
      const placeholder = draftPlaceholderCard(
        draft,
        context.activity.from.id,
        turnTranslator(context),
      );
      await context.sendActivity(MessageFactory.attachment(cardAttachment(placeholder)));
    },
  };
}
