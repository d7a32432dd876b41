import type { StoredData } from '../../../platform/domain/stored-data';

export const ICEBREAKER_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'Prompt deck',
      fields: [
        {
          field: 'The team’s own prompts (text and category), without who wrote them',
          why: 'to draw them with the built-in prompts',
          visibleTo: 'members of the team',
          kept: 'while the team uses Rapport (hidden ones too, so a lead can restore them)',
        },
        {
          field: 'Which prompts are hidden, and which ones this cycle has drawn',
          why: 'so hidden prompts are never drawn, and no prompt comes twice before the deck is used up',
          visibleTo: 'members of the team',
          kept: 'hidden ones until a lead restores them; drawn ones until the cycle ends',
        },
        {
          field:
            'The prompt drawn for each of the latest meeting starts (the meeting’s id and start time) and weekly questions',
          why: 'so a meeting start Teams delivers twice gets one prompt',
          visibleTo: 'nobody: it is not shown',
          kept: 'the latest 50',
        },
      ],
    },
    {
      record: 'Icebreaker settings',
      fields: [
        {
          field:
            'Whether a meeting chat gets a prompt when its meeting starts (and only for recurring meetings)',
          why: 'so a meeting that wants no icebreaker gets none',
          visibleTo: 'members of the chat',
          kept: 'while the chat uses Rapport',
        },
        {
          field: 'The question of the week: on or off, its day, local time and channel',
          why: 'to post it when the team asked for it',
          visibleTo: 'members of the team',
          kept: 'while the team uses Rapport',
        },
      ],
    },
  ],
  notStored: [
    'Answers to icebreakers and to the question of the week: they are replies in Teams, which Rapport does not read or keep',
    'Who wrote, hid or drew a prompt, and who is in a meeting or joined it',
  ],
};
