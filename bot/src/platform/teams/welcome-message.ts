import { TRAIT_IDS } from '../domain/traits';
import type { FeatureHelp } from '../feature';
import type { Translate } from '../i18n/messages';
import { traitName } from './trait-names';

/** The first thing a team reads: what Rapport does and what it keeps. */
export function welcomeText(
  kind: 'team' | 'groupChat' | 'personal',
  help: readonly FeatureHelp[],
  t: Translate,
): string {
  const helpWord = t('commands.help.word');
  return [
    t(kind === 'personal' ? 'welcome.intro.personal' : 'welcome.intro.team'),
    '',
    ...help.flatMap((h) => (h.welcome ? [t(h.welcome)] : [])),
    '',
    t('welcome.traits', { traits: TRAIT_IDS.map((id) => traitName(t, id)).join(', ') }),
    '',
    ...help.flatMap((h) => (h.welcomeNote ? [t(h.welcomeNote)] : [])),
    t(kind === 'personal' ? 'welcome.help.personal' : 'welcome.help.team', { help: helpWord }),
  ].join('\n');
}

/** The commands, as the manifest's command lists offer them, and how to reach the bot. */
export function helpText(help: readonly FeatureHelp[], t: Translate): string {
  return [
    t('help.intro'),
    '',
    ...help.flatMap((h) => (h.commands ?? []).map((key) => t(key))),
    t('help.command.help', { word: t('commands.help.word') }),
    '',
    t('help.mention', { help: t('commands.help.word') }),
    '',
    t('help.tab'),
  ].join('\n');
}
