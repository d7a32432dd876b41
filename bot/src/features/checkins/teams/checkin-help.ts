import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const CHECKIN_HELP: FeatureHelp = {
  welcome: 'checkins.help.welcome',
  commands: ['checkins.help.command'],
};
