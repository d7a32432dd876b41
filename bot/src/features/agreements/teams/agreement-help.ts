import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const AGREEMENT_HELP: FeatureHelp = { welcome: 'agreements.help.welcome' };
