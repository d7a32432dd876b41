import { Body1, Button, Field, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { formatAverage, formatPercent, joinNames } from '../../format';
import { useT } from '../../i18n/use-t';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { traitLabel } from '../../traits';
import { useAction } from '../../use-action';
import type { RoundSummaryView } from '../../../../bot/src/features/follow-through/follow-schemas';
import { roundPath } from './follow-data';

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
            {t('tab.follow.show')}
          </Button>
        </div>
        {loading.error && <FormError title={t('tab.follow.resultsFailed')} error={loading.error} />}
      </div>
    );
  if (summary.status === 'insufficient') return <Text>{summary.reason}</Text>;
  return (
    <div className={layout.columnS} data-testid="follow-results">
      <Subtitle2 as="h4">{t('tab.follow.youSaid')}</Subtitle2>
      {summary.note && <Body1 className={layout.writtenText}>{summary.note}</Body1>}
      <Text>
        {summary.participation === null
          ? t('tab.follow.answered', {
              answers: summary.answers,
              invited: summary.invited,
              comments: summary.comments,
            })
          : t('tab.follow.answeredShare', {
              answers: summary.answers,
              invited: summary.invited,
              share: formatPercent(summary.participation, locale),
              comments: summary.comments,
            })}
      </Text>
      <ul className={layout.lines}>
        {summary.traits.map((trend) => (
          <li key={trend.trait}>
            {trend.status === 'shown'
              ? t('tab.follow.traitAverage', {
                  trait: traitLabel(trend.trait, t),
                  average: formatAverage(trend.average, locale),
                  trend: trend.trend,
                })
              : t('tab.follow.traitTooFew', { trait: traitLabel(trend.trait, t) })}
          </li>
        ))}
      </ul>
      {summary.actionsDone.length > 0 && (
        <Text>
          {t('tab.follow.doneSince', {
            titles: joinNames(
              summary.actionsDone.map((a) => a.title),
              locale,
            ),
          })}
        </Text>
      )}
      <Text className={layout.muted}>
        {summary.posted ? t('tab.follow.posted') : t('tab.follow.goesSoon')}
      </Text>
      {isLead && !summary.posted && (
        <form className={layout.columnS} onSubmit={addNote}>
          <Field label={t('tab.follow.noteLabel')}>
            <Textarea value={note} maxLength={500} onChange={(_, d) => setNote(d.value)} />
          </Field>
          <div className={layout.rowS}>
            <Button type="submit" disabled={!!loading.busy || !note.trim()}>
              {t('tab.follow.postWithNote')}
            </Button>
          </div>
        </form>
      )}
      {loading.error && <FormError title={t('tab.follow.didNotGoThrough')} error={loading.error} />}
    </div>
  );
}
