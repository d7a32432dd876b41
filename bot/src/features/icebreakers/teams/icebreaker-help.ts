import type { FeatureHelp } from '../../../platform/feature';

/** Its lines in the bot's welcome and help messages. */
export const ICEBREAKER_HELP: FeatureHelp = {
  welcome:
    '- **Icebreakers**: a light question when a meeting starts, from a deck the team owns; answers stay in the chat.',
  commands: [
    '- `icebreaker`: a conversation starter from the team’s deck, with “Another one”.',
    '- `question of the week friday 15:00`: post a question every week in this channel (team leads; `off` to stop).',
  ],
};
