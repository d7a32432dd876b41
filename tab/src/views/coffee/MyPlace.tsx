import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { FormError } from '../../components/FormError';
import { SuccessNote } from '../../components/SuccessNote';
import { formatLocalDate, todayIn } from '../../dates';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type { CoffeeMeBody } from '../../../../bot/src/features/coffee/coffee-schemas';
import { useAction } from '../../use-action';
import { addDays } from './coffee-format';
import type { MyPartProps } from './CoffeeView';
import { Panel } from './Panel';
import { useT } from '../../i18n/use-t';

const useStyles = makeStyles({
  pause: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
});

/** How long a pause lasts unless the person picks another date: two weeks. */
const PAUSE_DAYS = 14;

/**
 * The caller's own place in the programme: join, leave, pause until a date or come back, each in
 * one click and without a reason.
 */
export function MyPlace({ data, saveMe, onSaved }: MyPartProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { locale } = useSession();
  const t = useT();
  const action = useAction();
  const headingId = useId();
  const [note, setNote] = useState<string>();
  const { me } = data;
  // Pauses are dates in the team's time zone, as the server compares them.
  const today = todayIn(data.timeZone);
  const [until, setUntil] = useState(() => addDays(today, PAUSE_DAYS));
  const dateText = (date: string) => formatLocalDate(date, locale, 'full');
  const canPause = /^\d{4}-\d{2}-\d{2}$/.test(until) && until > today;

  const change = async (name: string, body: CoffeeMeBody, said: string) => {
    setNote(undefined);
    const fresh = await action.run(name, () => saveMe(body));
    if (!fresh) return;
    onSaved(fresh);
    setNote(said);
    // When the button pressed is gone (Join, Come back, Leave), focus stays in this part.
    requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) document.getElementById(headingId)?.focus();
    });
  };

  const status =
    me.status === 'in'
      ? t('tab.coffee.statusIn')
      : me.status === 'out'
        ? t('tab.coffee.statusOut')
        : me.pausedUntil
          ? t('tab.coffee.statusPausedUntil', { date: dateText(me.pausedUntil) })
          : t('tab.coffee.statusPaused');

  return (
    <Panel title={t('tab.coffee.takingPart')} headingId={headingId} data-testid="coffee-place">
      <Text weight="semibold" data-testid="coffee-status">
        {status}
      </Text>
      {me.status !== 'in' && (
        <div className={layout.rowM}>
          <Button
            appearance="primary"
            disabled={action.busy !== undefined}
            onClick={() =>
              void change(
                'in',
                { status: 'in' },
                me.status === 'out' ? t('tab.coffee.joined') : t('tab.coffee.welcomeBack'),
              )
            }
          >
            {t(me.status === 'out' ? 'tab.coffee.join' : 'tab.coffee.comeBack')}
          </Button>
        </div>
      )}
      {me.status !== 'out' && (
        <div className={layout.columnS}>
          <div className={styles.pause}>
            <Field
              label={t(me.status === 'paused' ? 'tab.coffee.pauseOther' : 'tab.coffee.pauseUntil')}
            >
              <Input
                type="date"
                min={addDays(today, 1)}
                value={until}
                onChange={(_, d) => setUntil(d.value)}
              />
            </Field>
            <Button
              disabled={!canPause || action.busy !== undefined}
              onClick={() =>
                void change(
                  'pause',
                  { status: 'paused', pausedUntil: until },
                  t('tab.coffee.pausedNote', { date: dateText(until) }),
                )
              }
            >
              {t('tab.coffee.pause')}
            </Button>
          </div>
          <Text size={200} className={layout.muted}>
            {t('tab.coffee.pauseHint')}
          </Text>
        </div>
      )}
      {me.status !== 'out' && (
        <div className={layout.columnS}>
          <div className={layout.rowM}>
            <Button
              disabled={action.busy !== undefined}
              onClick={() => void change('out', { status: 'out' }, t('tab.coffee.left'))}
            >
              {t('tab.coffee.leave')}
            </Button>
          </div>
          <Text size={200} className={layout.muted}>
            {t('tab.coffee.leaveHint')}
          </Text>
        </div>
      )}
      {action.error && <FormError title={t('tab.common.nothingChanged')} error={action.error} />}
      {note && <SuccessNote data-testid="coffee-place-note">{note}</SuccessNote>}
    </Panel>
  );
}
