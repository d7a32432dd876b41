import type { FeatureHelp } from '../../../platform/feature';

/** Its line in the bot's welcome message. */
export const INTERESTS_HELP: FeatureHelp = { welcome: 'interests.help.welcome' };
