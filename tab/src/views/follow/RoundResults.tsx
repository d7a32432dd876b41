import { useT } from '../../i18n/use-t';
import { Body1, Button, Field, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { formatAverage, formatPercent } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { traitLabel } from '../../traits';
import { useAction } from '../../use-action';
import type { RoundSummaryView } from '../../../../bot/src/features/follow-through/follow-schemas';
import { roundPath } from './follow-data';

const TREND = { up: 'up', down: 'down', same: 'about the same', new: 'first reading' };

/** "You said, we did" for one round, loaded when asked for; a lead adds a note before it is posted. */
export function RoundResults({
  teamId,
  roundId,
  isLead,
}: {
  teamId: string;
  roundId: string;
  isLead: boolean;
}) {
  const layout = useLayoutStyles();
  const t = useT();
  const { api, locale } = useSession();
  const loading = useAction();
  const [summary, setSummary] = useState<RoundSummaryView>();
  const [note, setNote] = useState('');

  const show = () =>
    void loading.run('load', async () =>
      setSummary(await api.get<RoundSummaryView>(roundPath(teamId, roundId, '/summary'))),
    );
  const addNote = (event: FormEvent) => {
    event.preventDefault();
    void loading.run('note', async () =>
      setSummary(
        await api.send<RoundSummaryView>('POST', roundPath(teamId, roundId, '/summary/note'), {
          text: note,
        }),
      ),
    );
  };

  if (!summary)
    return (
      <div className={layout.columnS}>
        <div className={layout.rowS}>
          <Button onClick={show} disabled={!!loading.busy}>
            Show the results
          </Button>
        </div>
        {loading.error && (
          <FormError title="The results could not be loaded" error={loading.error} />
        )}
      </div>
    );
  if (summary.status === 'insufficient') return <Text>{summary.reason}</Text>;
  return (
    <div className={layout.columnS} data-testid="follow-results">
      <Subtitle2 as="h4">You said, we did</Subtitle2>
      {summary.note && <Body1 className={layout.writtenText}>{summary.note}</Body1>}
      <Text>
        {summary.answers} of {summary.invited} answered
        {summary.participation !== null &&
          ` (${formatPercent(summary.participation, locale)})`}. {summary.comments} comments.
      </Text>
      <ul className={layout.lines}>
        {summary.traits.map((trend) => (
          <li key={trend.trait}>
            {traitLabel(trend.trait, t)}:{' '}
            {trend.status === 'shown'
              ? `${formatAverage(trend.average, locale)} of 5, ${TREND[trend.trend]}`
              : 'too few answers to show'}
          </li>
        ))}
      </ul>
      {summary.actionsDone.length > 0 && (
        <Text>
          Done since the last check-in: {summary.actionsDone.map((a) => a.title).join(', ')}
        </Text>
      )}
      <Text className={layout.muted}>
        {summary.posted ? 'Posted to the team’s channel.' : 'Goes to the team’s channel soon.'}
      </Text>
      {isLead && !summary.posted && (
        <form className={layout.columnS} onSubmit={addNote}>
          <Field label="A note from you (it is posted with the results at once)">
            <Textarea value={note} maxLength={500} onChange={(_, d) => setNote(d.value)} />
          </Field>
          <div className={layout.rowS}>
            <Button type="submit" disabled={!!loading.busy || !note.trim()}>
              Post the results with this note
            </Button>
          </div>
        </form>
      )}
      {loading.error && <FormError title="That did not go through" error={loading.error} />}
    </div>
  );
}
