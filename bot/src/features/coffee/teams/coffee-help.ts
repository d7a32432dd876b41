import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const COFFEE_HELP: FeatureHelp = {
  welcome: 'coffee.help.welcome',
  commands: ['coffee.help.command'],
};
