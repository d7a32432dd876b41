import type { FeatureHelp } from '../../../platform/feature';

/** Its line in the bot's welcome message. */
export const INTERESTS_HELP: FeatureHelp = {
  welcome:
    '- **Interest circles**: add your interests in the Rapport tab to find teammates who share them, get introduced, and offer a 10-minute lightning talk.',
};
