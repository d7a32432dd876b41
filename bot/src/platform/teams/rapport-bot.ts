import {
  ChannelAccount,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionAction,
} from 'botbuilder';
import type { InstallationRepository } from '../../people/domain/installation';
import type { Logger } from '../../logger';
import type { PersonKey } from '../domain/person-key';
import { conversationIdentity } from './conversation-identity';
import { fetchRoster } from './roster';
import { cardAttachment } from './cards/adaptive-card';
import { ANSWERED_INVOKES } from './incoming-activity';
import {
  cardActionError,
  extensionStep,
  InvokeRefusal,
  refusalResponse,
  unknownCommand,
  unknownVerb,
  unsupportedInvoke,
  type CardVerbHandler,
  type ExtensionCommand,
} from './invoke-routing';
import { helpText, welcomeText } from './welcome-message';
import { turnTranslator } from './turn-locale';
import { registry } from '../registry';
import type { ChatCommand, Feature, FeatureHelp, TeamsEventHandler } from '../feature';

export interface RapportBotDeps {
  installations: InstallationRepository;
  /** Their chat commands, extension commands, card verbs, events, install hooks and help lines. */
  features: readonly Feature[];
  /** A member wrote to the bot in their 1:1 chat: they can be reached again. */
  onPersonalMessage?: (aadObjectId: string) => Promise<void>;
  /** A person's Teams sent its language with an activity: later cards to them use it. */
  onLocale?: (person: PersonKey, tag: string) => Promise<void>;
  logger: Logger;
  now?: () => Date;
}

/** Teams-facing adapter: turns activities into calls on the domain and its repositories. */
export class RapportBot extends TeamsActivityHandler {
  private readonly cardVerbs: ReadonlyMap<string, CardVerbHandler>;
  private readonly extensionCommands: ReadonlyMap<string, ExtensionCommand>;
  private readonly teamsEvents: ReadonlyMap<string, TeamsEventHandler>;
  private readonly chatCommands: readonly ChatCommand[];
  private readonly help: readonly FeatureHelp[];

  constructor(private readonly deps: RapportBotDeps) {
    super();
    this.cardVerbs = registry(deps.features.map((f) => ({ owner: f.name, entries: f.cardVerbs })));
    this.extensionCommands = registry(
      deps.features.map((f) => ({ owner: f.name, entries: f.extensionCommands })),
    );
    this.teamsEvents = registry(
      deps.features.map((f) => ({ owner: f.name, entries: f.teamsEvents })),
    );
    this.chatCommands = deps.features.flatMap((f) => f.chatCommands ?? []);
    this.help = deps.features.flatMap((f) => (f.help ? [f.help] : []));

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

    // Events nobody registered (meeting end, read receipts) are acknowledged and left alone.
    this.onEvent(async (context, next) => {
      await this.teamsEvents.get(context.activity.name ?? '')?.(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const from = context.activity.from?.aadObjectId;
      if (context.activity.conversation?.conversationType === 'personal' && from) {
        await this.deps.onPersonalMessage?.(from);
      }
      for (const feature of this.deps.features) await feature.observeMessage?.(context);
      if (!(await this.runChatCommand(context)))
        await context.sendActivity({
          type: 'message',
          textFormat: 'markdown',
          text: helpText(this.help, turnTranslator(context)),
        });
      await next();
    });
  }

  /** Every activity a person sends tells their language, before any handler answers it. */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    const { from, locale } = context.activity;
    const tenantId = conversationIdentity(context.activity)?.tenantId;
    if (from?.aadObjectId && locale && tenantId !== undefined)
      await this.deps.onLocale?.({ tenantId, aadObjectId: from.aadObjectId }, locale);
    await super.onTurnActivity(context);
  }

  /**
   * Hands a message extension invoke to its command's step, and the rest to botbuilder; refuses
   * what Rapport does not answer with a 400, where botbuilder would answer 501 or fail.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ?? '';
    try {
      if (!ANSWERED_INVOKES.has(name)) throw unsupportedInvoke(turnTranslator(context));
      const action = (context.activity.value ?? {}) as MessagingExtensionAction;
      const step = extensionStep(name, action);
      if (step)
        return {
          status: 200,
          body: await this.extensionCommand(context, action)[step](context, action),
        };
      return await super.onInvokeActivity(context);
    } catch (err) {
      if (err instanceof InvokeRefusal) return refusalResponse(name, err);
      throw err;
    }
  }

  /** Offers the message to each feature's commands in turn, until one answers it. */
  private async runChatCommand(context: TurnContext): Promise<boolean> {
    for (const command of this.chatCommands) if (await command(context)) return true;
    return false;
  }

  /** The message extension command an invoke names, by the manifest's command id. */
  private extensionCommand(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): ExtensionCommand {
    const command = this.extensionCommands.get(action.commandId ?? '');
    if (!command) throw unknownCommand(turnTranslator(context));
    return command;
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const handler = this.cardVerbs.get(invokeValue.action.verb);
    if (!handler) return cardActionError(unknownVerb(turnTranslator(context)));
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
      const installer = context.activity.from?.aadObjectId;
      const locale = context.activity.locale;
      for (const feature of this.deps.features)
        await feature.onInstalled?.(identity.id, installer, locale);
    }
    if (isNew) {
      await context.sendActivity({
        type: 'message',
        textFormat: 'markdown',
        text: welcomeText(identity.kind, this.help, turnTranslator(context)),
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
