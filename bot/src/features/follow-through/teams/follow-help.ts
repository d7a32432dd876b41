import type { FeatureHelp } from '../../../platform/feature';

/** Its line in the bot's welcome message. */
export const FOLLOW_HELP: FeatureHelp = {
  welcome:
    '- **Follow-through**: after each check-in the team sees its results, answers comments in the open (they stay anonymous), plans actions and checks whether they helped.',
};
