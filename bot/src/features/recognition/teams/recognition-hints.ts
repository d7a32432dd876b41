/** How to recognize someone from a channel or group chat, to follow "To recognize …, ". */
export const HOW_TO_RECOGNIZE =
  'type "@Rapport recognize @name for dependability" followed by what they did, or choose ' +
  'Recognize in the … menu of one of their messages.';

/**
 * The answer to "@Rapport thanks!" with nobody named: most likely thanks to Rapport itself, or a
 * first try; either way an error form would be the wrong reply.
 */
export const THANKS_HINT = `You’re welcome! To recognize a colleague here, ${HOW_TO_RECOGNIZE}`;

/** A recognition is seen by the team it is given in, so a private chat with Rapport has none. */
export function personalChatHint(thanks: boolean): string {
  return (
    `${thanks ? 'You’re welcome! ' : ''}Recognitions are shared with a team, so they are given ` +
    `in a channel or group chat where Rapport is added rather than here. There, ${HOW_TO_RECOGNIZE}`
  );
}
