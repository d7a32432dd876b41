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
import { CATEGORY_LABELS } from '../../../bot/src/features/icebreakers/domain/categories';
import type {
  MeetingSettingsBody,
  MeetingView,
  PromptView,
} from '../../../bot/src/features/icebreakers/icebreaker-schemas';

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

  const show = (prompt: PromptView) => {
    change((m) => ({ ...m, current: prompt }));
    announce(`Next prompt: ${prompt.text}`);
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
      announce(settings.enabled ? 'Icebreakers are on here.' : 'Icebreakers are off here.');
    });
  const add = (event: FormEvent) => {
    event.preventDefault();
    void adding.run('add', async () => {
      await api.send('POST', teamPath(teamId, '/prompts'), { text, category });
      setText('');
      announce('Your prompt is in the deck.');
    });
  };

  return (
    <section className={layout.columnXL} aria-labelledby="icebreakers-title">
      {region}
      <div className={layout.columnS}>
        <Title3 as="h2" id="icebreakers-title">
          Icebreakers
        </Title3>
        <Text>
          A light question to start with. Answers stay in the conversation: Rapport keeps none.
        </Text>
      </div>
      <Loaded
        resource={meeting}
        loading={<LoadingCards count={1} label="Loading the current prompt" />}
        errorTitle="Icebreakers could not be loaded"
      >
        {({ current, settings }) => (
          <>
            <Card className={styles.prompt} data-testid="current-prompt">
              {current ? (
                <>
                  <Text className={styles.text}>{current.text}</Text>
                  <Caption1 className={layout.muted}>{CATEGORY_LABELS[current.category]}</Caption1>
                </>
              ) : (
                <Text>No prompt yet: draw the first one.</Text>
              )}
              <div className={layout.rowS}>
                <Button appearance="primary" onClick={another} disabled={!!drawing.busy}>
                  Another one
                </Button>
                {current && (
                  <Button onClick={() => hide(current.id)} disabled={!!drawing.busy}>
                    Hide this prompt
                  </Button>
                )}
              </div>
            </Card>
            {drawing.error && <FormError title="No prompt was drawn" error={drawing.error} />}

            <div className={layout.columnS}>
              <Subtitle2 as="h3">When a meeting here starts</Subtitle2>
              <Switch
                label="Post a prompt in the meeting chat"
                checked={settings.enabled}
                disabled={!!saving.busy}
                onChange={(_, d) => save({ ...settings, enabled: d.checked })}
              />
              <Switch
                label="Only for recurring meetings"
                checked={settings.recurringOnly}
                disabled={!!saving.busy || !settings.enabled}
                onChange={(_, d) => save({ ...settings, recurringOnly: d.checked })}
              />
              {saving.error && <FormError title="The switch was not saved" error={saving.error} />}
            </div>
          </>
        )}
      </Loaded>

      <form className={styles.add} onSubmit={add} aria-labelledby="own-prompt-title">
        <Subtitle2 as="h3" id="own-prompt-title">
          Add a prompt of your own
        </Subtitle2>
        <Field label="Your question" hint="Light and easy to answer in front of colleagues.">
          <Input value={text} onChange={(_, d) => setText(d.value)} maxLength={200} />
        </Field>
        <Field label="Category">
          <Select value={category} onChange={(_, d) => setCategory(d.value as Category)}>
            {Object.entries(CATEGORY_LABELS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        {adding.error && <FormError title="Your prompt was not added" error={adding.error} />}
        <div className={layout.rowS}>
          <Button type="submit" disabled={!!adding.busy}>
            Add to the deck
          </Button>
        </div>
      </form>
    </section>
  );
}
