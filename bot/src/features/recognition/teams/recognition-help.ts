import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const RECOGNITION_HELP: FeatureHelp = {
  welcome:
    '- **Recognize** a colleague: type `recognize @name for <trait> <message>`, or use the Recognize action on any message.',
  commands: ['- `recognize @name for <trait> <message>`: thank a colleague for their work.'],
};
