import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Switch,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState, type FormEvent } from 'react';
import { teamPath } from '../api';
import { FormError } from '../components/FormError';
import { Loaded } from '../components/Loaded';
import { LoadingCards } from '../components/LoadingCards';
import { useAnnouncer } from '../components/LiveRegion';
import { useLayoutStyles } from '../layout-styles';
import { useSession } from '../session-context';
import { useAction } from '../use-action';
import { useResource } from '../use-resource';
import { CATEGORIES } from '../../../bot/src/features/icebreakers/domain/categories';
import { useT, type MessageId } from '../i18n/use-t';
import type {
  MeetingSettingsBody,
  MeetingView,
  PromptView,
} from '../../../bot/src/features/icebreakers/icebreaker-schemas';

/** Each category's name in the catalog (ICU select keys cannot hold the ids' hyphens). */
const CATEGORY_NAMES: Record<Category, MessageId> = {
  light: 'tab.icebreakers.categories.light',
  'get-to-know-you': 'tab.icebreakers.categories.getToKnowYou',
  'work-style': 'tab.icebreakers.categories.workStyle',
  gratitude: 'tab.icebreakers.categories.gratitude',
  'would-you-rather': 'tab.icebreakers.categories.wouldYouRather',
  'this-week': 'tab.icebreakers.categories.thisWeek',
};

const useStyles = makeStyles({
  prompt: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  text: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  add: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Category = PromptView['category'];

/**
 * Icebreakers where the tab is open, made for a meeting's side panel (320 px): the current prompt
 * with "Another one" for whoever hosts, "Hide this prompt" for the whole team, this chat's
 * meeting switch, and a prompt of your own for the deck.
 */
export function IcebreakersView({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { api } = useSession();
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => api.get<MeetingView>(teamPath(teamId, '/icebreakers/meeting'), signal),
    [api, teamId],
  );
  const [meeting, change] = useResource(load);
  const drawing = useAction();
  const saving = useAction();
  const adding = useAction();
  const [announce, region] = useAnnouncer();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<Category>('light');

  // A built-in prompt reads in the viewer's language; a team's own prompt as its author wrote it.
  const textOf = (prompt: PromptView) =>
    prompt.source === 'built-in' ? t(`icebreakers.prompt.${prompt.id}` as MessageId) : prompt.text;
  const show = (prompt: PromptView) => {
    change((m) => ({ ...m, current: prompt }));
    announce(t('tab.icebreakers.next', { text: textOf(prompt) }));
  };
  const another = () =>
    void drawing.run('draw', async () => {
      const { prompt } = await api.send<{ prompt: PromptView }>(
        'POST',
        teamPath(teamId, '/prompts/draws'),
      );
      show(prompt);
    });
  const hide = (id: string) =>
    void drawing.run('hide', async () => {
      await api.send('POST', teamPath(teamId, `/prompts/${id}/hidden`));
      const { prompt } = await api.send<{ prompt: PromptView }>(
        'POST',
        teamPath(teamId, '/prompts/draws'),
      );
      show(prompt);
    });
  const save = (settings: MeetingSettingsBody) =>
    void saving.run('save', async () => {
      const saved = await api.send<MeetingView>(
        'PUT',
        teamPath(teamId, '/icebreakers/meeting'),
        settings,
      );
      change((m) => ({ ...m, settings: saved.settings }));
      announce(t(settings.enabled ? 'tab.icebreakers.onHere' : 'tab.icebreakers.offHere'));
    });
  const add = (event: FormEvent) => {
    event.preventDefault();
    void adding.run('add', async () => {
      await api.send('POST', teamPath(teamId, '/prompts'), { text, category });
      setText('');
      announce(t('tab.icebreakers.added'));
    });
  };

  return (
    <section className={layout.columnXL} aria-labelledby="icebreakers-title">
      {region}
      <div className={layout.columnS}>
        <Title3 as="h2" id="icebreakers-title">
          {t('tab.views.icebreakers')}
        </Title3>
        <Text>{t('tab.icebreakers.intro')}</Text>
      </div>
      <Loaded
        resource={meeting}
        loading={<LoadingCards count={1} label={t('tab.icebreakers.loading')} />}
        errorTitle={t('tab.icebreakers.loadFailed')}
      >
        {({ current, settings }) => (
          <>
            <Card className={styles.prompt} data-testid="current-prompt">
              {current ? (
                <>
                  <Text className={styles.text}>{textOf(current)}</Text>
                  <Caption1 className={layout.muted} data-testid="prompt-category">
                    {t(CATEGORY_NAMES[current.category])}
                  </Caption1>
                </>
              ) : (
                <Text>{t('tab.icebreakers.none')}</Text>
              )}
              <div className={layout.rowS}>
                <Button appearance="primary" onClick={another} disabled={!!drawing.busy}>
                  {t('tab.icebreakers.another')}
                </Button>
                {current && (
                  <Button onClick={() => hide(current.id)} disabled={!!drawing.busy}>
                    {t('tab.icebreakers.hide')}
                  </Button>
                )}
              </div>
            </Card>
            {drawing.error && (
              <FormError title={t('tab.icebreakers.drawFailed')} error={drawing.error} />
            )}

            <div className={layout.columnS}>
              <Subtitle2 as="h3">{t('tab.icebreakers.whenMeeting')}</Subtitle2>
              <Switch
                label={t('tab.icebreakers.post')}
                checked={settings.enabled}
                disabled={!!saving.busy}
                onChange={(_, d) => save({ ...settings, enabled: d.checked })}
              />
              <Switch
                label={t('tab.icebreakers.recurringOnly')}
                checked={settings.recurringOnly}
                disabled={!!saving.busy || !settings.enabled}
                onChange={(_, d) => save({ ...settings, recurringOnly: d.checked })}
              />
              {saving.error && (
                <FormError title={t('tab.icebreakers.switchFailed')} error={saving.error} />
              )}
            </div>
          </>
        )}
      </Loaded>

      <form className={styles.add} onSubmit={add} aria-labelledby="own-prompt-title">
        <Subtitle2 as="h3" id="own-prompt-title">
          {t('tab.icebreakers.addTitle')}
        </Subtitle2>
        <Field label={t('tab.icebreakers.question')} hint={t('tab.icebreakers.questionHint')}>
          <Input value={text} onChange={(_, d) => setText(d.value)} maxLength={200} />
        </Field>
        <Field label={t('tab.icebreakers.categoryLabel')}>
          <Select value={category} onChange={(_, d) => setCategory(d.value as Category)}>
            {CATEGORIES.map((id) => (
              <option key={id} value={id}>
                {t(CATEGORY_NAMES[id])}
              </option>
            ))}
          </Select>
        </Field>
        {adding.error && <FormError title={t('tab.icebreakers.addFailed')} error={adding.error} />}
        <div className={layout.rowS}>
          <Button type="submit" disabled={!!adding.busy}>
            {t('tab.icebreakers.addButton')}
          </Button>
        </div>
      </form>
    </section>
  );
}
