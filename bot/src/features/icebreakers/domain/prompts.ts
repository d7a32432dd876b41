import { CATEGORIES, type Category } from './categories';

/**
 * The built-in deck. Every prompt is light enough to answer in front of colleagues and open to
 * everyone: nothing about health, religion, politics, money or family status, nothing that asks
 * people to reveal more than they choose to. Ids are stable (a team's hidden and drawn prompts
 * name them), so a prompt is reworded in place and a new one gets the next number.
 */
const TEXTS: Record<Category, readonly string[]> = {
  light: [
    'Recommend a TV show you loved lately.',
    'What did you have for dinner last night?',
    'What is the best snack to keep at your desk?',
    'Which song have you had on repeat recently?',
    'If you could master any hobby overnight, which would it be?',
    'What is the most useful thing in your kitchen?',
    'Which film could you watch again and again?',
    'Which fictional place would you like to visit?',
    'What is your favourite way to take a short break during the day?',
    'Tea, coffee, or something else entirely?',
    'What is the last thing you read that you would recommend?',
    'What is a game (board, card or video) you enjoy?',
    'Which emoji do you use the most?',
    'What is the best thing you have cooked or baked?',
    'What is a song that always lifts your mood?',
  ],
  'get-to-know-you': [
    'What did you want to be when you were ten?',
    'What is a skill you picked up that surprises people?',
    'What is one thing on your desk with a story behind it?',
    'Which place would you like to visit next, and why?',
    'What is something you learned recently, at work or not?',
    'What is the first concert, show or event you remember going to?',
    'What is a hobby you would like to try one day?',
    'What is a small tradition you enjoy?',
    'What is your favourite season, and why?',
    'What was your first job?',
    'Which book or film changed how you see something?',
    'What is a dish you think everyone should try once?',
    'What is a podcast or channel you learn from?',
    'What is the nicest view you have ever seen?',
    'Which language would you love to speak fluently?',
    'What is something you are really good at that has nothing to do with work?',
  ],
  'work-style': [
    'Which app or tool could you not work without?',
    'When in the day do you do your best focused work?',
    'How do you like to receive feedback?',
    'How would you like to hear about an urgent problem?',
    'What is one meeting habit you wish everyone had?',
    'What does a great handover look like to you?',
    'What helps you get back into focus after an interruption?',
    'Do you think best by writing, talking or sketching?',
    'What is a shortcut or trick that saves you time?',
    'What is something about how you work that teammates might not know?',
    'What makes a message easy for you to answer?',
    'How do you like to celebrate finishing a piece of work?',
    'Which of your working habits would you recommend to a new teammate?',
    'How do you like to plan your week?',
  ],
  gratitude: [
    'Who helped you this week, and how?',
    'What did a teammate do recently that made your work easier?',
    'Which piece of advice from a colleague has stuck with you?',
    'What is a tool or process here you are glad we have?',
    'Who taught you something useful recently?',
    'What do you appreciate about how this team works?',
    'Name a small win from the last few weeks worth celebrating.',
    'Who would you like to thank for something nobody saw?',
    'What question did someone ask that helped you think?',
    'Which recent piece of work are you proud of?',
    'What did you learn from a mistake, and who helped you through it?',
    'What went better than expected lately?',
    'Who made you laugh this week?',
  ],
  'would-you-rather': [
    'Would you rather have a walking meeting or a meeting with snacks?',
    'Would you rather talk to animals or speak every human language?',
    'Would you rather explore the deep sea or outer space?',
    'Would you rather always find the right word or always know the right song?',
    'Would you rather have a personal chef or a personal DJ?',
    'Would you rather only watch films or only read books for a year?',
    'Would you rather be able to pause time or rewind ten seconds?',
    'Would you rather work from a treehouse or a houseboat?',
    'Would you rather have a theme tune when you join a call, or a laugh track?',
    'Would you rather be the best player on a losing team or the newest on a winning one?',
    'Would you rather write a novel or compose an album?',
    'Would you rather be able to teleport or to fly?',
    'Would you rather have an extra hour every day or an extra day every month?',
    'Would you rather give every presentation as a song or as a poem?',
  ],
  'this-week': [
    'What is one thing you are looking forward to this week?',
    'What is a small thing that made you smile this week?',
    'What is something new you tried this week?',
    'What is the most interesting thing you read or heard this week?',
    'What is one thing you want to finish before the week ends?',
    'What surprised you this week?',
    'What would make this a good week for you?',
    'What is a problem you solved this week that you are proud of?',
    'What is one thing you would like help with this week?',
    'What is the highlight of your week so far?',
    'Which song would be the soundtrack of your week?',
    'Describe your week so far in three words.',
    'What is one thing you learned this week?',
  ],
};

export interface Prompt {
  id: string;
  text: string;
  category: Category;
  source: 'built-in' | 'team';
}

/** Every built-in prompt, as `<category>-<n>` (n from 1 within its category). */
export const BUILT_IN_PROMPTS: readonly Prompt[] = CATEGORIES.flatMap((category) =>
  TEXTS[category].map((text, i) => ({
    id: `${category}-${i + 1}`,
    text,
    category,
    source: 'built-in' as const,
  })),
);
