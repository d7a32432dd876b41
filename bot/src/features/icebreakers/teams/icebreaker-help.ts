import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const ICEBREAKER_HELP: FeatureHelp = {
  welcome: 'icebreakers.help.welcome',
  commands: ['icebreakers.help.command', 'icebreakers.help.weekly'],
};
