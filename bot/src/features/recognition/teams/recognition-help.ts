import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const RECOGNITION_HELP: FeatureHelp = {
  welcome: 'recognition.help.welcome',
  commands: ['recognition.help.command'],
};
