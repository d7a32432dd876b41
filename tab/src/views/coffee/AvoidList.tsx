import { Button, Combobox, Field, Option, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type { Person } from '../../../../bot/src/people/people-schemas';
import { useAction } from '../../use-action';
import type { MyPartProps } from './CoffeeView';
import { PanelForm } from './Panel';
import { useT } from '../../i18n/use-t';

/** Options shown at once while searching a large team: typing narrows them. */
const MAX_OPTIONS = 50;

type Props = MyPartProps & {
  /** The team's roster; undefined while it loads. */
  members: Person[] | undefined;
};

/**
 * The caller's private "don't pair me with" list. The API shows it to its owner only; nobody
 * else, leads included, can read it.
 */
export function AvoidList({ data, members, saveMe, onSaved }: Props) {
  const layout = useLayoutStyles();
  const { me: caller } = useSession();
  const t = useT();
  const action = useAction();
  const stored = data.me.avoid;
  const [draft, setDraft] = useState<string[]>(stored);
  const [saved, setSaved] = useState<string>();
  const dirty = draft.join() !== stored.join();

  const nameOf = (id: string) =>
    members
      ? (members.find((m) => m.aadObjectId === id)?.name ?? t('tab.coffee.someoneLeft'))
      : t('tab.coffee.aTeammate');
  const choices = useMemo(
    () =>
      (members ?? []).filter(
        (m) => m.aadObjectId !== caller.aadObjectId && !draft.includes(m.aadObjectId),
      ),
    [members, caller.aadObjectId, draft],
  );

  const save = async () => {
    setSaved(undefined);
    // People who have left the team are not on its roster any more: the server would refuse them.
    const onRoster = members
      ? draft.filter((id) => members.some((m) => m.aadObjectId === id))
      : draft;
    const fresh = await action.run('save', () => saveMe({ avoid: onRoster }));
    if (!fresh) return;
    onSaved(fresh);
    setDraft(fresh.me.avoid);
    setSaved(t('tab.coffee.avoidSaved'));
  };

  return (
    <PanelForm
      title={t('tab.coffee.avoidTitle')}
      data-testid="coffee-avoid"
      action={action}
      errorTitle={t('tab.coffee.avoidFailed')}
      saved={saved}
      submitLabel={t('tab.coffee.avoidSave')}
      canSave={dirty}
      canDiscard={dirty}
      onSave={() => void save()}
      onDiscard={() => setDraft(stored)}
    >
      <Text weight="semibold">{t('tab.coffee.avoidPrivate')}</Text>
      <Text className={layout.muted}>{t('tab.coffee.avoidNever')}</Text>
      {draft.length === 0 ? (
        <Text className={layout.muted}>{t('tab.coffee.avoidEmpty')}</Text>
      ) : (
        <ul className={layout.chips} aria-label={t('tab.coffee.avoidList')}>
          {draft.map((id) => (
            <li key={id} className={layout.chip}>
              <Text>{nameOf(id)}</Text>
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setDraft((d) => d.filter((x) => x !== id))}
                aria-label={t('tab.coffee.avoidRemoveLabel', { name: nameOf(id) })}
              >
                {t('tab.common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field label={t('tab.coffee.avoidAdd')} hint={t('tab.coffee.avoidAddHint')}>
        <PersonPicker
          people={choices}
          disabled={!members}
          onPick={(id) => setDraft((d) => [...d, id])}
        />
      </Field>
    </PanelForm>
  );
}

interface PickerProps {
  people: Person[];
  disabled: boolean;
  onPick: (aadObjectId: string) => void;
}

/** A teammate, searched by name; picking one adds them and empties the search. */
function PersonPicker({ people, disabled, onPick }: PickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (q ? people.filter((p) => p.name.toLowerCase().includes(q)) : people).slice(
      0,
      MAX_OPTIONS,
    );
  }, [people, query]);

  return (
    <Combobox
      value={query}
      selectedOptions={[]}
      disabled={disabled}
      expandIcon={{ 'aria-label': t('tab.common.openList') }}
      onChange={(event) => setQuery(event.target.value)}
      onOptionSelect={(_, data) => {
        if (!data.optionValue) return;
        onPick(data.optionValue);
        setQuery('');
      }}
    >
      {matches.map((p) => (
        <Option key={p.aadObjectId} value={p.aadObjectId}>
          {p.name}
        </Option>
      ))}
      {matches.length === 0 && (
        <Option key="none" value="" disabled text="">
          {query ? t('tab.coffee.noMatchQuery', { query }) : t('tab.coffee.nobodyLeft')}
        </Option>
      )}
    </Combobox>
  );
}
