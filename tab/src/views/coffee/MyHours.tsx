import { Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useLayoutStyles } from '../../layout-styles';
import { useAction } from '../../use-action';
import { TimeZonePicker } from '../settings/TimeZonePicker';
import { browserTimeZone, DEFAULT_HOURS, type WorkingHours } from './coffee-format';
import type { MyPartProps } from './CoffeeView';
import { PanelForm } from './Panel';
import { useT } from '../../i18n/use-t';

const useStyles = makeStyles({
  hours: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

interface Draft {
  timeZone: string;
  hours: WorkingHours;
}

const sameHours = (a: WorkingHours | null, b: WorkingHours) =>
  a !== null && a.start === b.start && a.end === b.end;

/**
 * The caller's time zone and working hours, which the matcher uses to prefer partners with hours
 * in common. With no zone stored, the browser's is offered (and saved only when they save).
 */
export function MyHours({ data, saveMe, onSaved }: MyPartProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const action = useAction();
  const t = useT();
  const { me } = data;
  const initial: Draft = {
    timeZone: me.timeZone ?? browserTimeZone(),
    hours: me.workingHours ?? DEFAULT_HOURS,
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState<string>();
  // What differs from what Rapport stores: a prefilled value it does not store yet counts.
  const zoneChanged = draft.timeZone !== me.timeZone;
  const hoursChanged = !sameHours(me.workingHours, draft.hours);
  const edited = draft.timeZone !== initial.timeZone || !sameHours(initial.hours, draft.hours);
  const setHours = (change: Partial<WorkingHours>) =>
    setDraft((d) => ({ ...d, hours: { ...d.hours, ...change } }));

  const zoneHint =
    me.timeZone === null
      ? t('tab.coffee.zoneFromBrowser')
      : zoneChanged
        ? t('tab.coffee.zoneSaveToUse')
        : me.timeZoneSource === 'teams'
          ? t('tab.coffee.zoneFromTeams')
          : t('tab.coffee.zoneChosen');

  // Only what changed is sent: saving the hours keeps a zone Teams reported marked as such.
  const save = async () => {
    setSaved(undefined);
    const fresh = await action.run('save', () =>
      saveMe({
        ...(zoneChanged ? { timeZone: draft.timeZone } : {}),
        ...(hoursChanged ? { workingHours: draft.hours } : {}),
      }),
    );
    if (!fresh) return;
    onSaved(fresh);
    setSaved(t('tab.coffee.hoursSaved'));
  };

  return (
    <PanelForm
      title={t('tab.coffee.hoursTitle')}
      data-testid="coffee-hours"
      action={action}
      errorTitle={t('tab.coffee.hoursFailed')}
      saved={saved}
      submitLabel={t('tab.coffee.hoursSave')}
      canSave={zoneChanged || hoursChanged}
      canDiscard={edited}
      onSave={() => void save()}
      onDiscard={() => setDraft(initial)}
    >
      <Text className={layout.muted}>{t('tab.coffee.hoursIntro')}</Text>
      <Field label={t('tab.coffee.timeZone')} hint={zoneHint}>
        <TimeZonePicker
          value={draft.timeZone}
          onChange={(timeZone) => setDraft((d) => ({ ...d, timeZone }))}
        />
      </Field>
      <div className={styles.hours}>
        <Field label={t('tab.coffee.hoursStart')}>
          <Input
            type="time"
            value={draft.hours.start}
            onChange={(_, d) => setHours({ start: d.value })}
          />
        </Field>
        <Field label={t('tab.coffee.hoursEnd')} hint={t('tab.coffee.hoursEndHint')}>
          <Input
            type="time"
            value={draft.hours.end}
            onChange={(_, d) => setHours({ end: d.value })}
          />
        </Field>
      </div>
    </PanelForm>
  );
}
