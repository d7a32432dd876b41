import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const COFFEE_HELP: FeatureHelp = {
  welcome:
    '- **Virtual coffee**: pairs teammates for a casual chat on the team’s own rhythm; join, pause or leave in one click.',
  commands: [
    '- `coffee`: virtual coffee in this team or group chat: join, pause or leave (in the team or group chat).',
  ],
};
