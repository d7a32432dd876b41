import type { FeatureHelp } from '../../../platform/feature';

/** Its line in the bot's welcome message. */
export const FOLLOW_HELP: FeatureHelp = {
  welcome: 'followThrough.help.welcome',
};
