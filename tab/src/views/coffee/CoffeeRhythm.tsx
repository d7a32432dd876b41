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
import { formatInZone, WEEKDAYS, zoneLabel } from '../settings/settings-format';
import { EVERY, GROUP_SIZES, type CoffeeSettings } from './coffee-format';
import { PanelForm } from './Panel';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
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
        ? `Saved. The next round starts ${formatInZone(fresh.nextRoundAt, locale, zone)}.`
        : 'Saved. Virtual coffee is off: no round is scheduled.',
    );
  };

  return (
    <PanelForm
      title="The rhythm"
      data-testid="coffee-rhythm"
      action={action}
      errorTitle="The rhythm was not saved"
      saved={saved}
      submitLabel="Save the rhythm"
      canSave={dirty}
      canDiscard={dirty}
      onSave={() => void save()}
      onDiscard={() => setDraft(data.settings)}
    >
      <Text className={layout.muted}>
        You are a lead: changes apply as soon as you save them. The first time virtual coffee is
        switched on, every member is asked once, privately, whether they want to join.
      </Text>
      <Switch
        label={draft.enabled ? 'Virtual coffee is on' : 'Virtual coffee is off'}
        checked={draft.enabled}
        onChange={(_, d) => set({ enabled: d.checked })}
      />
      <Choice
        label="How often"
        items={EVERY}
        value={draft.every}
        onChange={(every) => set({ every })}
      />
      <div className={styles.row}>
        <Field label="Day">
          <Select
            value={draft.day}
            onChange={(_, d) => set({ day: d.value as CoffeeSettings['day'] })}
          >
            <Options items={WEEKDAYS} />
          </Select>
        </Field>
        <Field label="Local time" hint={`In the team’s time zone, ${zoneLabel(zone)}.`}>
          <Input type="time" value={draft.time} onChange={(_, d) => set({ time: d.value })} />
        </Field>
      </div>
      <Choice
        label="Group size"
        hint="When the count does not divide, some groups get one more person: nobody is left out."
        items={GROUP_SIZES}
        value={draft.groupSize}
        onChange={(groupSize) => set({ groupSize })}
      />
      <Text className={layout.muted}>
        The team’s time zone, {zoneLabel(zone)}, is the one set in the check-in settings.{' '}
        {data.nextRoundAt
          ? `Next round: ${formatInZone(data.nextRoundAt, locale, zone)}.`
          : 'No round is scheduled while virtual coffee is off.'}
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
  return (
    <Field label={label} hint={hint}>
      <RadioGroup
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
