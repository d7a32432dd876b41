import type { InstallationRepository } from '../../../people/domain/installation';
import type { RecognitionService, TeamSettingsReader } from '../recognition-service';
import type { Logger } from '../../../logger';
import { createChatDrafts } from './recognition-chat-draft';
import { createRecognitionCommand } from './recognition-command';
import { createRecognizeCommand } from './recognition-extension';
import { createRecognitionForms } from './recognition-forms';
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

/**
 * Recognition in Teams, by entry point: the chat command (recognition-command.ts), the message
 * extension (recognition-extension.ts) and the verbs of the draft the command posts
 * (recognition-chat-draft.ts).
 */
export function createRecognitionFlow(deps: RecognitionFlowDeps) {
  const forms = createRecognitionForms(deps);
  const drafts = createChatDrafts({ forms, recognitions: deps.recognitions, logger: deps.logger });
  return {
    extensionCommands: {
      [RECOGNIZE_COMMAND]: createRecognizeCommand({ forms, recognitions: deps.recognitions }),
    },
    cardVerbs: drafts.cardVerbs,
    command: createRecognitionCommand({ ...deps, forms, drafts }),
  };
}

export type RecognitionFlow = ReturnType<typeof createRecognitionFlow>;
