import type { TurnContext } from 'botbuilder';
import type { Db } from 'mongodb';
import type { Server } from 'restify';
import type { Logger } from '../logger';
import type { InstallationRepository } from '../people/domain/installation';
import type { PersonalDataPart } from './domain/personal-data';
import type { StoredData } from './domain/stored-data';
import type { MessageKey } from './i18n/catalogs';
import type { AccessDeps } from './http/auth/team-access';
import type { DevTokenIssuer } from './http/auth/dev-tokens';
import type { ErrorStatuses } from './http/domain-errors';
import type { ApiRoute } from './http/route';
import type { Outbox } from './jobs/outbox';
import type { JobHandler, Scheduler } from './jobs/scheduler';
import type { CollectionSpec } from './store/collections';
import type { CardVerbHandler, ExtensionCommand } from './teams/invoke-routing';

/** What the platform gives every feature to build itself. */
export interface FeatureContext {
  db: Db;
  logger: Logger;
  /** The one queue for proactive messages. */
  outbox: Pick<Outbox, 'enqueue' | 'removeFor'>;
  /** The app's scheduler; it exists once every feature's jobs are known, so it is read late. */
  scheduler: () => Scheduler;
  teamsAppId: string;
}

/** A chat command: answers the message and says so, or leaves it to the next feature. */
export type ChatCommand = (context: TurnContext) => Promise<boolean>;

/**
 * A Teams event activity's handler (`type: "event"`, by its `name`, such as
 * `application/vnd.microsoft.meetingStart`). Teams wants no answer but 200, so it answers none;
 * the edge has checked the value of the events it knows (see incoming-activity.ts).
 */
export type TeamsEventHandler = (context: TurnContext) => Promise<void>;

/** A feature's lines in the bot's own texts, as catalog keys: each reader gets their language. */
export interface FeatureHelp {
  /** Its bullet in the welcome message's list of what Rapport does. */
  welcome?: MessageKey;
  /** A paragraph of the welcome message, after the list and the traits. */
  welcomeNote?: MessageKey;
  /** Its commands' bullets in the help message. */
  commands?: readonly MessageKey[];
}

/** What every route registration gets: the tab API's access check and the rosters it reads. */
export interface HttpContext extends AccessDeps {
  installations: Pick<
    InstallationRepository,
    'find' | 'isMember' | 'memberCount' | 'conversationsOf' | 'roster' | 'rosterSince'
  >;
  devTokens?: DevTokenIssuer;
}

/** Registers pages outside the API (HTML for people, not JSON for the tab). */
export type PageRegistration = (server: Server) => void;

/**
 * Everything a feature brings to the app. The platform reads the list of features to build the
 * schema, the schedule, the HTTP API, the bot and the privacy account, so adding a feature
 * touches no shared file but that list in app.ts.
 */
export interface Feature {
  /** Names it when two features register the same collection, code, verb, command or job. */
  readonly name: string;
  /** Its collections and the indexes its reads rely on. */
  readonly collections?: readonly CollectionSpec[];
  /** What it stores, who sees it and how long; what it never stores. */
  readonly storedData?: StoredData;
  /** Its part of a member's export and erasure of their own data. */
  readonly personalData?: PersonalDataPart;
  /** The HTTP status of each error code its domain throws. */
  readonly errors?: ErrorStatuses;
  readonly help?: FeatureHelp;
  /** Its tab API routes: served with the access check they declare, and documented. */
  readonly routes?: readonly ApiRoute[];
  readonly pages?: PageRegistration;
  readonly chatCommands?: readonly ChatCommand[];
  /** Runs for each message a person sends, before the commands: notes what Teams reports with it. */
  observeMessage?(context: TurnContext): Promise<void>;
  /** Message-extension commands by the manifest's commandId. */
  readonly extensionCommands?: Readonly<Record<string, ExtensionCommand>>;
  /** Action.Execute handlers by verb. */
  readonly cardVerbs?: Readonly<Record<string, CardVerbHandler>>;
  /** Teams event handlers by event name; one feature per name. */
  readonly teamsEvents?: Readonly<Record<string, TeamsEventHandler>>;
  /** Scheduled job handlers by job kind. */
  readonly jobs?: Readonly<Record<string, JobHandler>>;
  /** Runs once the app serves: puts recurring jobs on the schedule, finishes what a crash left. */
  start?(scheduler: Scheduler, now: Date): Promise<void>;
  /**
   * Runs after a team or chat installs the app (not for personal installs), with the language
   * tag the installer's Teams sent.
   */
  onInstalled?(
    conversationId: string,
    installerAadObjectId: string | undefined,
    installerLocale: string | undefined,
  ): Promise<void>;
}
