import type { Translate } from '../../../platform/i18n/messages';

/** How to recognize someone from a channel or group chat, to follow "To recognize …, ". */
export const howToRecognize = (t: Translate): string => t('recognition.hint.how');

/**
 * The answer to "@Rapport thanks!" with nobody named: most likely thanks to Rapport itself, or a
 * first try; either way an error form would be the wrong reply.
 */
export const thanksHint = (t: Translate): string =>
  t('recognition.hint.welcome', { how: howToRecognize(t) });

/** A recognition is seen by the team it is given in, so a private chat with Rapport has none. */
export function personalChatHint(thanks: boolean, t: Translate): string {
  return t('recognition.hint.personal', {
    thanks: thanks ? 'yes' : 'no',
    how: howToRecognize(t),
  });
}
