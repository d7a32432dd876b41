import type {
  AdaptiveCardInvokeResponse,
  InvokeResponse,
  MessagingExtensionAction,
  MessagingExtensionActionResponse,
  TurnContext,
} from 'botbuilder';
import type { Translate } from '../i18n/messages';
import type { AdaptiveCard } from './cards/adaptive-card';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** An Action.Execute verb's handler: answers with the card that replaces the one pressed. */
export type CardVerbHandler = (context: TurnContext, data: unknown) => Promise<AdaptiveCard>;

/**
 * The steps of a message extension command: its form (fetchTask), the form's submit
 * (submitAction), and the bot message preview's edit and send buttons.
 */
export type ExtensionStep = 'fetchTask' | 'submitAction' | 'previewEdit' | 'previewSend';

/** One message extension command (manifest `composeExtensions[].commands[].id`), in all its steps. */
export type ExtensionCommand = Record<
  ExtensionStep,
  (
    context: TurnContext,
    action: MessagingExtensionAction,
  ) => Promise<MessagingExtensionActionResponse>
>;

/**
 * The step a message extension invoke is, as Teams names it: a submit carries the preview's
 * button, if any (the incoming activity admits only "edit" and "send"). Other invokes have none.
 */
export function extensionStep(
  invokeName: string,
  action: Pick<MessagingExtensionAction, 'botMessagePreviewAction'>,
): ExtensionStep | undefined {
  if (invokeName === 'composeExtension/fetchTask') return 'fetchTask';
  if (invokeName !== 'composeExtension/submitAction') return undefined;
  if (action.botMessagePreviewAction === 'edit') return 'previewEdit';
  if (action.botMessagePreviewAction === 'send') return 'previewSend';
  return 'submitAction';
}

/**
 * An invoke Rapport read but will not carry out (an unknown command or verb, a form it cannot
 * read). It is the caller's to fix, so it is answered with 400 and a plain message.
 */
export class InvokeRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvokeRefusal';
  }
}

/** A card action's error in the shape Teams shows (Universal Actions' error response). */
export const cardActionError = (refusal: InvokeRefusal): AdaptiveCardInvokeResponse => ({
  statusCode: 400,
  type: 'application/vnd.microsoft.error',
  value: { code: refusal.code, message: refusal.message },
});

/** The invoke answer to a refusal: 400, with a body shaped for the invoke it answers. */
export const refusalResponse = (invokeName: string, refusal: InvokeRefusal): InvokeResponse => ({
  status: 400,
  body:
    invokeName === CARD_ACTION_INVOKE
      ? cardActionError(refusal)
      : { code: refusal.code, message: refusal.message },
});

/** The refusals of invokes Rapport does not know, in the language of the person who sent them. */
export const unsupportedInvoke = (t: Translate) =>
  new InvokeRefusal('UNSUPPORTED_INVOKE', t('errors.UNSUPPORTED_INVOKE'));

export const unknownCommand = (t: Translate) =>
  new InvokeRefusal('UNKNOWN_COMMAND', t('errors.UNKNOWN_COMMAND'));

export const unknownVerb = (t: Translate) =>
  new InvokeRefusal('UNKNOWN_VERB', t('errors.UNKNOWN_VERB'));
