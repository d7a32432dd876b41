import {
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { teamPath } from '../../api';
import { Options } from '../../components/Options';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type { CoffeeView as Coffee } from '../../../../bot/src/features/coffee/coffee-schemas';
import { useAction } from '../../use-action';
import { formatInZone, weekdays, zoneLabel } from '../settings/settings-format';
import { everyOptions, groupSizeOptions, type CoffeeSettings } from './coffee-format';
import { useT } from '../../i18n/use-t';
import { PanelForm } from './Panel';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  // Longer languages do not fit three choices on one line of a phone.
  choices: { flexWrap: 'wrap' },
});

interface Props {
  teamId: string;
  data: Coffee;
  onSaved: (fresh: Coffee) => void;
}

/** For leads: switch virtual coffee on or off and set its rhythm, in the team's time zone. */
export function CoffeeRhythm({ teamId, data, onSaved }: Props) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { api, locale } = useSession();
  const t = useT();
  const action = useAction();
  const [draft, setDraft] = useState<CoffeeSettings>(data.settings);
  const [saved, setSaved] = useState<string>();
  const dirty = JSON.stringify(draft) !== JSON.stringify(data.settings);
  const zone = data.timeZone;
  const set = (change: Partial<CoffeeSettings>) => setDraft((d) => ({ ...d, ...change }));

  const save = async () => {
    setSaved(undefined);
    const fresh = await action.run('save', () =>
      api.send<Coffee>('PUT', teamPath(teamId, '/coffee/settings'), draft),
    );
    if (!fresh) return;
    onSaved(fresh);
    setDraft(fresh.settings);
    setSaved(
      fresh.nextRoundAt
        ? t('tab.coffee.savedNext', { when: formatInZone(fresh.nextRoundAt, locale, zone) })
        : t('tab.coffee.savedOff'),
    );
  };

  return (
    <PanelForm
      title={t('tab.coffee.rhythmTitle')}
      data-testid="coffee-rhythm"
      action={action}
      errorTitle={t('tab.coffee.rhythmFailed')}
      saved={saved}
      submitLabel={t('tab.coffee.rhythmSave')}
      canSave={dirty}
      canDiscard={dirty}
      onSave={() => void save()}
      onDiscard={() => setDraft(data.settings)}
    >
      <Text className={layout.muted}>{t('tab.coffee.rhythmIntro')}</Text>
      <Switch
        label={t(draft.enabled ? 'tab.coffee.isOn' : 'tab.coffee.isOff')}
        checked={draft.enabled}
        onChange={(_, d) => set({ enabled: d.checked })}
      />
      <Choice
        label={t('tab.coffee.howOften')}
        items={everyOptions(t)}
        value={draft.every}
        onChange={(every) => set({ every })}
      />
      <div className={styles.row}>
        <Field label={t('tab.coffee.day')}>
          <Select
            value={draft.day}
            onChange={(_, d) => set({ day: d.value as CoffeeSettings['day'] })}
          >
            <Options items={weekdays(locale)} />
          </Select>
        </Field>
        <Field
          label={t('tab.coffee.localTime')}
          hint={t('tab.coffee.localTimeHint', { zone: zoneLabel(zone) })}
        >
          <Input type="time" value={draft.time} onChange={(_, d) => set({ time: d.value })} />
        </Field>
      </div>
      <Choice
        label={t('tab.coffee.groupSizeLabel')}
        hint={t('tab.coffee.groupSizeHint')}
        items={groupSizeOptions(t)}
        value={draft.groupSize}
        onChange={(groupSize) => set({ groupSize })}
      />
      <Text className={layout.muted}>
        {t('tab.common.twoSentences', {
          first: t('tab.coffee.zoneNote', { zone: zoneLabel(zone) }),
          second: data.nextRoundAt
            ? t('tab.coffee.nextRoundShort', { when: formatInZone(data.nextRoundAt, locale, zone) })
            : t('tab.coffee.noRoundWhileOff'),
        })}
      </Text>
    </PanelForm>
  );
}

interface ChoiceProps<T extends number> {
  label: string;
  hint?: string;
  items: readonly { id: `${T}`; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** One of a few numbers, as radio buttons in a row. */
function Choice<T extends number>({ label, hint, items, value, onChange }: ChoiceProps<T>) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint}>
      <RadioGroup
        className={styles.choices}
        layout="horizontal"
        value={String(value)}
        onChange={(_, d) => onChange(Number(d.value) as T)}
      >
        {items.map((item) => (
          <Radio key={item.id} value={item.id} label={item.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
