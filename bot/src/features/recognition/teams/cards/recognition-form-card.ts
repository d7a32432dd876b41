import { MAX_RECOGNITION_LENGTH, type Person, type TeamValue } from '../../domain/recognition';
import { TRAIT_IDS } from '../../../../platform/domain/traits';
import type { Translate } from '../../../../platform/i18n/messages';
import { traitName } from '../../../../platform/teams/trait-names';
import type { ChatDraft } from '../recognition-input';
import { adaptiveCard, type AdaptiveCard } from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';

/** The form's Recognize button in chat (Action.Execute). */
export const RECOGNIZE_VERB = 'recognize';

export interface RecognitionFormOptions {
  /** Pre-filled recipient (recognizing from a message's menu: its author). */
  author?: Person;
  /** The team's stored roster, offered when the bot is installed in the conversation. */
  roster?: Person[];
  values?: readonly TeamValue[];
  /** The team's active working agreements, which the recognition may cite. */
  agreements?: readonly { id: string; title: string }[];
  prefill?: { recipients?: string[]; tag?: string; message?: string; agreementId?: string };
  error?: string;
  /** How the form submits: a message extension task module, or a card in chat (Action.Execute). */
  submit: 'task' | 'execute';
  /** In chat: whose draft it is and which, sent back with the inputs. */
  draft?: ChatDraft;
  /** The language of the person filling it in. */
  t: Translate;
}

/** The recognition form: who, for which trait or value, and what they did. */
export function recognitionFormCard(options: RecognitionFormOptions): AdaptiveCard {
  const { t } = options;
  const body: Record<string, unknown>[] = [];
  if (options.error) {
    body.push({
      type: 'TextBlock',
      text: escapeCardText(options.error),
      color: 'Attention',
      wrap: true,
      weight: 'Bolder',
    });
  }
  body.push(...whoFields(options));
  body.push({
    type: 'Input.ChoiceSet',
    id: 'tag',
    label: t('recognition.form.for'),
    isRequired: true,
    errorMessage: t('recognition.form.forMissing'),
    value: options.prefill?.tag ?? '',
    choices: [
      ...TRAIT_IDS.map((id) => ({ title: traitName(t, id), value: id })),
      ...(options.values ?? []).map((v) => ({ title: v.label, value: `value:${v.id}` })),
    ],
  });
  if (options.agreements?.length) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'agreement',
      label: t('recognition.form.agreement'),
      placeholder: t('recognition.form.none'),
      value: options.prefill?.agreementId ?? '',
      choices: options.agreements.map((a) => ({ title: a.title, value: a.id })),
    });
  }
  body.push({
    type: 'Input.Text',
    id: 'message',
    label: t('recognition.form.message'),
    isMultiline: true,
    isRequired: true,
    maxLength: MAX_RECOGNITION_LENGTH,
    errorMessage: t('recognition.form.messageTooLong', { max: MAX_RECOGNITION_LENGTH }),
    placeholder: t('recognition.form.messagePlaceholder'),
    value: options.prefill?.message ?? '',
  });
  return adaptiveCard(body, { actions: [submitAction(options)] });
}

/** The author of the message the form was opened on, or a people picker and the team's roster. */
function whoFields(options: RecognitionFormOptions): Record<string, unknown>[] {
  const { t } = options;
  if (options.author) {
    return [
      {
        type: 'TextBlock',
        text: t('recognition.form.recognizeName', { name: escapeCardText(options.author.name) }),
        wrap: true,
      },
      { type: 'Input.Text', id: 'author', isVisible: false, value: options.author.aadObjectId },
    ];
  }
  const picker = {
    type: 'Input.ChoiceSet',
    id: 'people',
    label: t('recognition.form.who'),
    isMultiSelect: true,
    choices: [],
    'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    value: options.prefill?.recipients?.join(',') ?? '',
  };
  if (!options.roster?.length) return [picker];
  const teammates = {
    type: 'Input.ChoiceSet',
    id: 'teammates',
    label: t('recognition.form.teammates'),
    isMultiSelect: true,
    style: 'filtered',
    choices: options.roster.map((p) => ({ title: p.name, value: p.aadObjectId })),
  };
  return [picker, teammates];
}

function submitAction(options: RecognitionFormOptions): Record<string, unknown> {
  const title = options.t('recognition.form.submit');
  if (options.submit === 'task') {
    return { type: 'Action.Submit', title, data: { rapport: 'recognize' } };
  }
  return {
    type: 'Action.Execute',
    title,
    verb: RECOGNIZE_VERB,
    data: options.draft ?? {},
  };
}
