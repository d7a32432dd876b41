import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const AGREEMENT_HELP: FeatureHelp = {
  welcome: '- **Working agreements** the team proposes, endorses and revisits together.',
};
