import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const CHECKIN_HELP: FeatureHelp = {
  welcome:
    '- **Check-ins** the team designs itself, answered anonymously and shown only as team trends.',
  commands: [
    '- `checkin now`: start the team’s check-in at once (team leads, in the team or group chat).',
  ],
};
