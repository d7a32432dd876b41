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
      ? 'You are taking part: every round, Rapport pairs you with a teammate.'
      : me.status === 'out'
        ? 'You are not taking part.'
        : me.pausedUntil
          ? `You are paused until ${dateText(me.pausedUntil)}. You are back in the rounds after that day.`
          : 'You are paused until you come back.';

  return (
    <Panel title="Taking part" headingId={headingId} data-testid="coffee-place">
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
                me.status === 'out'
                  ? 'You joined virtual coffee. Your first match comes with the next round.'
                  : 'Welcome back: you are in the next round.',
              )
            }
          >
            {me.status === 'out' ? 'Join virtual coffee' : 'Come back now'}
          </Button>
        </div>
      )}
      {me.status !== 'out' && (
        <div className={layout.columnS}>
          <div className={styles.pause}>
            <Field label={me.status === 'paused' ? 'Pause until another date' : 'Pause until'}>
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
                  `Paused until ${dateText(until)}. You are back in the rounds after that day.`,
                )
              }
            >
              Pause
            </Button>
          </div>
          <Text size={200} className={layout.muted}>
            The last day you want no match. No reason needed.
          </Text>
        </div>
      )}
      {me.status !== 'out' && (
        <div className={layout.columnS}>
          <div className={layout.rowM}>
            <Button
              disabled={action.busy !== undefined}
              onClick={() =>
                void change(
                  'out',
                  { status: 'out' },
                  'You left virtual coffee. Join again here whenever you like.',
                )
              }
            >
              Leave virtual coffee
            </Button>
          </div>
          <Text size={200} className={layout.muted}>
            Leaving also deletes your “don’t pair me with” list.
          </Text>
        </div>
      )}
      {action.error && <FormError title="Nothing was changed" error={action.error} />}
      {note && <SuccessNote data-testid="coffee-place-note">{note}</SuccessNote>}
    </Panel>
  );
}
