import {
  type Activity,
  MessageFactory,
  type TurnContext,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import { tagKey, type RecognitionInput } from '../domain/recognition';
import type { RecognitionService } from '../recognition-service';
import { cardAttachment, type AdaptiveCard } from '../../../platform/teams/cards/adaptive-card';
import { recognitionCard } from './cards/recognition-card';
import { recognitionFormCard, type RecognitionFormOptions } from './cards/recognition-form-card';
import type { ExtensionCommand } from '../../../platform/teams/invoke-routing';
import type { ConversationIdentity } from '../../../platform/teams/conversation-identity';
import { giveUnlessRefused, sender, teamOf, type RecognitionForms } from './recognition-forms';
import { recognitionDraft, type RecognitionDraft } from './recognition-input';
import type { Translate } from '../../../platform/i18n/messages';
import { turnTranslator } from '../../../platform/teams/turn-locale';

interface ExtensionDeps {
  forms: RecognitionForms;
  recognitions: RecognitionService;
}

const formTask = (card: AdaptiveCard, t: Translate): MessagingExtensionActionResponse => ({
  task: {
    type: 'continue',
    value: {
      title: t('recognition.form.title'),
      width: 'medium',
      height: 'medium',
      card: cardAttachment(card),
    },
  },
});

/**
 * The message extension's "recognize" command: the form (fetchTask), what its submit turns into
 * (submitAction), and the preview's edit and send buttons (previewEdit, previewSend).
 */
export function createRecognizeCommand(deps: ExtensionDeps): ExtensionCommand {
  return {
    fetchTask: (context, action) => openForm(deps, context, action),
    submitAction: (context, action) => submitForm(deps, context, action),
    previewEdit: (context, action) => editPreview(deps, context, action),
    previewSend: (context, action) => sendPreview(deps, context, action),
  };
}

/** The form, empty, with the author of the message it was opened on when there is one. */
async function openForm(
  { forms }: ExtensionDeps,
  context: TurnContext,
  action: MessagingExtensionAction,
): Promise<MessagingExtensionActionResponse> {
  const team = teamOf(context);
  const t = turnTranslator(context);
  const user = action.messagePayload?.from?.user;
  const author = user?.id
    ? { aadObjectId: user.id, name: user.displayName || t('recognition.author.fallback') }
    : undefined;
  return formTask(recognitionFormCard(await forms.options(team.id, 'task', t, { author })), t);
}

/** The form again, with what was entered and why it cannot be given. */
async function formWithError(
  { forms }: ExtensionDeps,
  team: ConversationIdentity,
  t: Translate,
  again: Pick<RecognitionFormOptions, 'error' | 'prefill'>,
): Promise<MessagingExtensionActionResponse> {
  return formTask(recognitionFormCard(await forms.options(team.id, 'task', t, again)), t);
}

/** The form's submit: a preview where the bot is installed, else the card itself. */
async function submitForm(
  deps: ExtensionDeps,
  context: TurnContext,
  action: MessagingExtensionAction,
): Promise<MessagingExtensionActionResponse> {
  const team = teamOf(context);
  const t = turnTranslator(context);
  const read = await deps.forms.read(context, team, action.data);
  return giveUnlessRefused(
    t,
    team,
    read,
    async () =>
      (await deps.forms.isInstalled(team.id))
        ? previewOf(deps, team, read.input, t)
        : storedForComposeBox(deps, context, team, read.input),
    (again) => formWithError(deps, team, t, again),
  );
}

/** No bot here to post it: store it now and hand the card to the compose box. */
async function storedForComposeBox(
  { forms, recognitions }: ExtensionDeps,
  context: TurnContext,
  team: ConversationIdentity,
  input: RecognitionInput,
): Promise<MessagingExtensionActionResponse> {
  const { recognition } = await recognitions.give(
    team.id,
    `${context.activity.id}|${input.sender.aadObjectId}`,
    input,
  );
  // Sent as the sender's own message: in their language.
  const t = turnTranslator(context);
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: [cardAttachment(recognitionCard(recognition, forms.wallUrl(team.id, t), t))],
    },
  };
}

/**
 * The bot is in this conversation: a preview the sender can edit or send, and the bot posts it,
 * so recipients are @mentioned properly.
 */
async function previewOf(
  { forms, recognitions }: ExtensionDeps,
  team: ConversationIdentity,
  input: RecognitionInput,
  t: Translate,
): Promise<MessagingExtensionActionResponse> {
  const valid = await recognitions.check(team.id, input);
  const draft: RecognitionDraft = {
    recipients: valid.recipients,
    tag: tagKey(valid.tag),
    message: valid.message,
    ...(valid.agreement ? { agreementId: valid.agreement.id } : {}),
  };
  const preview = recognitionCard(valid, forms.wallUrl(team.id, t), t, { rapportDraft: draft });
  return {
    composeExtension: {
      type: 'botMessagePreview',
      activityPreview: MessageFactory.attachment(cardAttachment(preview)) as Activity,
    },
  };
}

/** A preview whose draft cannot be read (edited by hand, or from an older version) starts over. */
async function unreadablePreview(
  { forms }: ExtensionDeps,
  team: ConversationIdentity,
  t: Translate,
): Promise<MessagingExtensionActionResponse> {
  const error = t('recognition.preview.unreadable');
  return formTask(recognitionFormCard(await forms.options(team.id, 'task', t, { error })), t);
}

/** The preview's edit button: the form again, filled in from the draft. */
async function editPreview(
  deps: ExtensionDeps,
  context: TurnContext,
  action: MessagingExtensionAction,
): Promise<MessagingExtensionActionResponse> {
  const team = teamOf(context);
  const t = turnTranslator(context);
  const draft = readDraft(action);
  if (!draft) return unreadablePreview(deps, team, t);
  const prefill = {
    recipients: draft.recipients.map((r) => r.aadObjectId),
    tag: draft.tag,
    message: draft.message,
    agreementId: draft.agreementId,
  };
  return formTask(
    recognitionFormCard(await deps.forms.options(team.id, 'task', t, { prefill })),
    t,
  );
}

/** The preview's send button: gives the recognition, and the bot posts it. */
async function sendPreview(
  deps: ExtensionDeps,
  context: TurnContext,
  action: MessagingExtensionAction,
): Promise<MessagingExtensionActionResponse> {
  const { forms, recognitions } = deps;
  const team = teamOf(context);
  const t = turnTranslator(context);
  const draft = readDraft(action);
  if (!draft) return unreadablePreview(deps, team, t);
  const from = sender(context);
  // The draft travelled through the client: who it names is checked again, by id.
  const { recipients, outsiders } = await forms.chosen(context, team, draft.recipients);
  const input: RecognitionInput = { sender: from, ...draft, recipients };
  return giveUnlessRefused(
    t,
    team,
    { input, outsiders },
    async () => {
      const { recognition, created } = await recognitions.give(
        team.id,
        `${context.activity.id}|${from.aadObjectId}`,
        input,
      );
      if (created) await context.sendActivity(await forms.posted(team.id, recognition));
      return {};
    },
    (again) => formWithError(deps, team, t, again),
  );
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
