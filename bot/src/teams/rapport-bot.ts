import {
  ChannelAccount,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import type { InstallationRepository } from '../domain/installation';
import type { Logger } from '../logger';
import { conversationIdentity } from './conversation-identity';
import { fetchRoster } from './roster';
import type { CheckinFlow } from './checkin-flow';
import type { AgreementFlow } from './agreement-flow';
import { cardAttachment } from './cards/adaptive-card';
import { AGREEMENT_VERB_PREFIX } from './cards/agreement-card';
import { CHECKIN_VERB } from './cards/checkin-card';
import type { RecognitionFlow } from './recognition-flow';
import { helpText, welcomeText } from './welcome-message';

export interface RapportBotDeps {
  installations: InstallationRepository;
  recognition: RecognitionFlow;
  checkin: CheckinFlow;
  /** Endorse / Object on agreement proposals, Keep / Retire on review reminders. */
  agreement?: AgreementFlow;
  /** A member wrote to the bot in their 1:1 chat: they can be reached again. */
  onPersonalMessage?: (aadObjectId: string) => Promise<void>;
  /** Runs after a team or chat installs the app (not for personal installs). */
  onInstalled?: (conversationId: string, installerAadObjectId: string | undefined) => Promise<void>;
  logger: Logger;
  now?: () => Date;
}

/** Teams-facing adapter: turns activities into calls on the domain and its repositories. */
export class RapportBot extends TeamsActivityHandler {
  constructor(private readonly deps: RapportBotDeps) {
    super();

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.install(context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await this.uninstall(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => this.isBot(context, m))) await this.install(context);
      else await this.refreshRoster(context);
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      const removed = context.activity.membersRemoved ?? [];
      if (removed.some((m) => this.isBot(context, m))) {
        await this.uninstall(context);
      } else {
        const identity = conversationIdentity(context.activity);
        const ids = removed.map((m) => m.aadObjectId).filter((id): id is string => Boolean(id));
        if (identity) await this.deps.installations.removeMembers(identity.id, ids);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const from = context.activity.from?.aadObjectId;
      if (context.activity.conversation?.conversationType === 'personal' && from) {
        await this.deps.onPersonalMessage?.(from);
      }
      const handled =
        (await this.deps.checkin.command(context)) ||
        (await this.deps.recognition.command(context));
      if (!handled)
        await context.sendActivity({ type: 'message', textFormat: 'markdown', text: helpText() });
      await next();
    });
  }

  protected override handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.deps.recognition.fetchTask(context, action);
  }

  protected override handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.deps.recognition.submitAction(context, action);
  }

  protected override handleTeamsMessagingExtensionBotMessagePreviewEdit(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.deps.recognition.previewEdit(context, action);
  }

  protected override handleTeamsMessagingExtensionBotMessagePreviewSend(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.deps.recognition.previewSend(context, action);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action.verb;
    const agreement = this.deps.agreement;
    const handler =
      verb === 'recognize'
        ? this.deps.recognition.executeForm
        : verb === CHECKIN_VERB
          ? this.deps.checkin.answer
          : agreement && verb.startsWith(AGREEMENT_VERB_PREFIX)
            ? (c: TurnContext, data: unknown) => agreement.execute(c, verb, data)
            : undefined;
    if (!handler) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: {
          code: 'UNKNOWN_VERB',
          message: `Rapport does not know the card action "${invokeValue.action.verb}".`,
        },
      };
    }
    const card = await handler(context, invokeValue.action.data);
    return { statusCode: 200, type: cardAttachment(card).contentType, value: card };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private isBot(context: TurnContext, member: ChannelAccount): boolean {
    return member.id === context.activity.recipient?.id;
  }

  private async install(context: TurnContext): Promise<void> {
    const identity = conversationIdentity(context.activity);
    if (!identity) {
      this.deps.logger.warn('install without a conversation id; ignored', {
        activityId: context.activity.id,
      });
      return;
    }
    const reference = TurnContext.getConversationReference(context.activity) as Record<
      string,
      unknown
    >;
    const isNew = await this.deps.installations.activate({ ...identity, reference }, this.now());
    await this.refreshRoster(context);
    if (isNew && identity.kind !== 'personal') {
      await this.deps.onInstalled?.(identity.id, context.activity.from?.aadObjectId);
    }
    if (isNew) {
      await context.sendActivity({
        type: 'message',
        textFormat: 'markdown',
        text: welcomeText(identity.kind),
      });
      this.deps.logger.info('installed', { conversation: identity.id, kind: identity.kind });
    }
  }

  private async uninstall(context: TurnContext): Promise<void> {
    const identity = conversationIdentity(context.activity);
    if (!identity) return;
    await this.deps.installations.deactivate(identity.id, this.now());
    this.deps.logger.info('uninstalled; data kept and marked inactive', {
      conversation: identity.id,
    });
  }

  private async refreshRoster(context: TurnContext): Promise<void> {
    const identity = conversationIdentity(context.activity);
    if (!identity) return;
    const members = await fetchRoster(context);
    await this.deps.installations.replaceRoster(identity.id, members, this.now());
  }
}
