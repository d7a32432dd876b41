import { TurnContext, type Activity } from 'botbuilder';
import { LOCALES } from '../domain/locales';
import type { MessageKey } from '../i18n/catalogs';
import { translator } from '../i18n/messages';

/**
 * What a member typed to the bot, without the @mention of the bot that Teams puts in front.
 * botbuilder's helper assumes a text whenever there is a mention; an activity may have neither.
 */
export function commandText(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  return (TurnContext.removeRecipientMention(activity) ?? '').trim();
}

/**
 * A text as commands compare it: lower case, without accents or hyphens, spaces collapsed
 * ("Check-in  NOW" and "checkin now", "cafe" and "café" are one command), with the index in the
 * original text of each character kept, to cut the command off the original.
 */
function fold(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '-') continue;
    if (/\s/.test(c)) {
      if (!folded.endsWith(' ')) {
        folded += ' ';
        at.push(i);
      }
      continue;
    }
    for (const d of c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()) {
      folded += d;
      at.push(i);
    }
  }
  return { folded, at };
}

const wordsByKey = new Map<MessageKey, string[]>();

/** A command's word in every language Rapport speaks, folded, longest first. */
function commandWords(key: MessageKey): string[] {
  let words = wordsByKey.get(key);
  if (!words) {
    words = [...new Set(LOCALES.map((l) => fold(translator(l)(key)).folded))].sort(
      (a, b) => b.length - a.length,
    );
    wordsByKey.set(key, words);
  }
  return words;
}

/**
 * The rest of a message after a chat command's word, in any language Rapport speaks (the
 * catalog's `commands.<id>.word`), or undefined when the message is not that command. Commands
 * are matched by their id, so a member writing in German may still type the English word.
 */
export function afterCommand(text: string, key: MessageKey): string | undefined {
  const { folded, at } = fold(text);
  for (const word of commandWords(key)) {
    if (!folded.startsWith(word)) continue;
    const next = folded[word.length];
    // Words in Latin script end at a space; a Japanese word may run into what follows.
    if (next !== undefined && next !== ' ' && /[a-z0-9]$/.test(word)) continue;
    return next === undefined ? '' : text.slice(at[word.length]).trim();
  }
  return undefined;
}

/** Whether a message is the given chat command, in any language Rapport speaks. */
export const startsWithCommand = (text: string, key: MessageKey): boolean =>
  afterCommand(text, key) !== undefined;
