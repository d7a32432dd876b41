import { focusSoon } from '../../focus';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Radio,
  RadioGroup,
  Select,
  SpinButton,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useHeadingStyles } from '../heading-styles';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useVisuallyHidden } from '../../a11y';
import type { ApiError } from '../../api';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { Options } from '../../components/Options';
import { formatLocalDate } from '../../dates';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { useT } from '../../i18n/use-t';
import { TRAITS, traitOptions } from '../../traits';
import type { CheckinSettings } from '../../../../bot/src/features/checkins/checkin-schemas';
import type { Person } from '../../../../bot/src/people/people-schemas';
import {
  MAX_GROUP,
  MAX_QUESTIONS,
  MAX_WINDOW,
  MIN_GROUP,
  MIN_WINDOW,
  newQuestionId,
  weekdays,
} from './settings-format';
import { TimeZonePicker } from './TimeZonePicker';

type Cadence = CheckinSettings['cadence'];

const useStyles = makeStyles({
  // A note after a value, apart from it without a space character in the markup.
  aside: { marginLeft: tokens.spacingHorizontalS },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalS}` },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  question: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, 220px) 1fr',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  questionActions: {
    gridColumn: '1 / -1',
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  addDay: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  actions: { alignItems: 'center' },
  leads: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  narrow: { maxWidth: '220px' },
});

export interface SettingsDraft {
  settings: CheckinSettings;
  leads: string[];
}

interface Props {
  initial: SettingsDraft;
  members: Person[];
  /** lead: every setting, saved at once; propose: the schedule and questions, as a proposal. */
  mode: 'lead' | 'propose';
  submitLabel: string;
  busy: boolean;
  /** The server's answer when it refused the change (it names each field). */
  error?: ApiError;
  /** Shown next to the buttons after a successful save. */
  saved?: string;
  onSubmit: (draft: SettingsDraft) => void;
  onCancel: () => void;
  cancelLabel: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The check-in settings as a form. The server checks every value and names what it refuses; the
 * form keeps people within the obvious limits (1–10 questions, a group of at least 3).
 */
export function SettingsEditor({
  initial,
  members,
  mode,
  submitLabel,
  busy,
  error,
  saved,
  onSubmit,
  onCancel,
  cancelLabel,
}: Props) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const hidden = useVisuallyHidden();
  const { locale } = useSession();
  const t = useT();
  const [draft, setDraft] = useState<SettingsDraft>(initial);
  const [quietDay, setQuietDay] = useState('');
  const [moved, setMoved] = useState<string>();
  const ids = useId();
  const lead = mode === 'lead';
  const s = draft.settings;
  const dirty = !same(draft, initial);

  const setSettings = (change: Partial<CheckinSettings>) =>
    setDraft((d) => ({ ...d, settings: { ...d.settings, ...change } }));
  const setCadence = (change: Partial<Cadence>) =>
    setDraft((d) => ({
      ...d,
      settings: { ...d.settings, cadence: { ...d.settings.cadence, ...change } },
    }));
  const setQuestions = (questions: CheckinSettings['questions']) => setSettings({ questions });

  const move = (index: number, by: -1 | 1) => {
    const next = [...s.questions];
    const [question] = next.splice(index, 1);
    next.splice(index + by, 0, question);
    setQuestions(next);
    setMoved(t('tab.settings.moved', { position: index + by + 1, count: next.length }));
    // Keep focus on the same button of the moved question when it still exists there.
    const target = `${ids}-q-${question.id}-${by < 0 ? 'up' : 'down'}`;
    requestAnimationFrame(() => {
      const button = document.getElementById(target) as HTMLButtonElement | null;
      if (button && !button.disabled) button.focus();
      else document.getElementById(`${ids}-q-${question.id}-text`)?.focus();
    });
  };

  const addQuietDay = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(quietDay) || s.cadence.quietDays.includes(quietDay)) return;
    setCadence({ quietDays: [...s.cadence.quietDays, quietDay].sort() });
    setQuietDay('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form
      className={layout.columnL}
      onSubmit={submit}
      aria-label={t('tab.views.settings')}
      noValidate
    >
      <Fieldset legend={t('tab.settings.schedule')}>
        {lead ? (
          <Switch
            label={t(s.enabled ? 'tab.settings.areOn' : 'tab.settings.arePaused')}
            checked={s.enabled}
            onChange={(_, d) => setSettings({ enabled: d.checked })}
          />
        ) : (
          <Text className={layout.muted}>
            {t(s.enabled ? 'tab.settings.onLeadsOnly' : 'tab.settings.pausedLeadsOnly')}
          </Text>
        )}
        <Field label={t('tab.coffee.howOften')}>
          <RadioGroup
            layout="horizontal"
            value={s.cadence.every}
            onChange={(_, d) => setCadence({ every: d.value as Cadence['every'] })}
          >
            <Radio value="week" label={t('tab.settings.everyWeek')} />
            <Radio value="two-weeks" label={t('tab.settings.everyTwoWeeks')} />
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <Field label={t('tab.coffee.day')}>
            <Select
              value={s.cadence.day}
              onChange={(_, d) => setCadence({ day: d.value as Cadence['day'] })}
            >
              <Options items={weekdays(locale)} />
            </Select>
          </Field>
          <Field label={t('tab.coffee.localTime')} hint={t('tab.settings.inTeamZone')}>
            <Input
              type="time"
              value={s.cadence.time}
              onChange={(_, d) => setCadence({ time: d.value })}
            />
          </Field>
          <Field label={t('tab.coffee.timeZone')} hint={t('tab.settings.zoneHint')}>
            <TimeZonePicker
              value={s.cadence.timeZone}
              onChange={(timeZone) => setCadence({ timeZone })}
            />
          </Field>
          <WholeNumberField
            label={t('tab.settings.openForLabel')}
            hint={t('tab.settings.openForHint', { min: MIN_WINDOW, max: MAX_WINDOW })}
            value={s.cadence.windowHours}
            min={MIN_WINDOW}
            max={MAX_WINDOW}
            onChange={(windowHours) => setCadence({ windowHours })}
          />
        </div>
        <div>
          <Subtitle2 as="h4" className={headings.root} id={`${ids}-quiet`}>
            {t('tab.settings.quietDays')}
          </Subtitle2>
          <Caption1 className={layout.muted} block>
            {t('tab.settings.quietHint')}
          </Caption1>
        </div>
        {s.cadence.quietDays.length === 0 ? (
          <Text className={layout.muted}>{t('tab.settings.noQuietDays')}</Text>
        ) : (
          <ul className={layout.chips} aria-labelledby={`${ids}-quiet`}>
            {s.cadence.quietDays.map((day) => (
              <li key={day} className={layout.chip}>
                <Text>{formatLocalDate(day, locale)}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() =>
                    setCadence({ quietDays: s.cadence.quietDays.filter((d) => d !== day) })
                  }
                  aria-label={t('tab.settings.removeQuietDay', {
                    date: formatLocalDate(day, locale),
                  })}
                >
                  {t('tab.common.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={styles.addDay}>
          <Field label={t('tab.settings.addQuietDayLabel')}>
            <Input type="date" value={quietDay} onChange={(_, d) => setQuietDay(d.value)} />
          </Field>
          <Button onClick={addQuietDay} disabled={!quietDay}>
            {t('tab.settings.addQuietDay')}
          </Button>
        </div>
      </Fieldset>

      <Fieldset
        legend={t('tab.settings.questionsLegend', {
          count: s.questions.length,
          max: MAX_QUESTIONS,
        })}
      >
        <Text className={layout.muted}>
          {t('tab.settings.questionsHint', { max: MAX_QUESTIONS })}
        </Text>
        <ol className={layout.cards} aria-label={t('tab.settings.questionsList')}>
          {s.questions.map((q, i) => (
            <li key={q.id} className={styles.question} data-testid="question-row">
              <Field label={t('tab.settings.questionTrait', { n: i + 1 })}>
                <Select
                  value={q.trait}
                  onChange={(_, d) =>
                    setQuestions(
                      s.questions.map((x) =>
                        x.id === q.id
                          ? {
                              ...x,
                              trait: TRAITS.find((trait) => trait.id === d.value)?.id ?? x.trait,
                            }
                          : x,
                      ),
                    )
                  }
                >
                  <Options items={traitOptions(t)} />
                </Select>
              </Field>
              <Field label={t('tab.settings.questionWording', { n: i + 1 })}>
                <Input
                  id={`${ids}-q-${q.id}-text`}
                  value={q.text}
                  maxLength={200}
                  onChange={(_, d) =>
                    setQuestions(
                      s.questions.map((x) => (x.id === q.id ? { ...x, text: d.value } : x)),
                    )
                  }
                />
              </Field>
              <div className={styles.questionActions}>
                <Button
                  size="small"
                  id={`${ids}-q-${q.id}-up`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('tab.settings.moveUpLabel', { n: i + 1 })}
                >
                  {t('tab.settings.moveUp')}
                </Button>
                <Button
                  size="small"
                  id={`${ids}-q-${q.id}-down`}
                  disabled={i === s.questions.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('tab.settings.moveDownLabel', { n: i + 1 })}
                >
                  {t('tab.settings.moveDown')}
                </Button>
                <Button
                  size="small"
                  disabled={s.questions.length <= 1}
                  onClick={() => {
                    setQuestions(s.questions.filter((x) => x.id !== q.id));
                    setMoved(t('tab.settings.questionRemoved', { n: i + 1 }));
                  }}
                  aria-label={t('tab.settings.removeQuestionLabel', { n: i + 1 })}
                >
                  {t('tab.common.remove')}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <div className={mergeClasses(layout.rowM, styles.actions)}>
          <Button
            disabled={s.questions.length >= MAX_QUESTIONS}
            onClick={() => {
              const id = newQuestionId(s.questions);
              setQuestions([...s.questions, { id, trait: TRAITS[0].id, text: '' }]);
              focusSoon(`${ids}-q-${id}-text`);
            }}
          >
            {t('tab.settings.addQuestion')}
          </Button>
          {s.questions.length >= MAX_QUESTIONS && (
            <Text className={layout.muted}>{t('tab.settings.questionsFull')}</Text>
          )}
        </div>
        <div className={hidden.root} aria-live="polite">
          {moved}
        </div>
      </Fieldset>

      <Fieldset legend={t('tab.settings.openQuestion')}>
        {lead ? (
          <>
            <Switch
              label={t('tab.settings.askOpen')}
              checked={s.freeText.enabled}
              onChange={(_, d) => setSettings({ freeText: { ...s.freeText, enabled: d.checked } })}
            />
            <Field label={t('tab.settings.openQuestion')} hint={t('tab.settings.openHint')}>
              <Input
                value={s.freeText.prompt}
                maxLength={200}
                disabled={!s.freeText.enabled}
                onChange={(_, d) => setSettings({ freeText: { ...s.freeText, prompt: d.value } })}
              />
            </Field>
          </>
        ) : (
          <Text>
            {s.freeText.enabled
              ? t('tab.settings.openOn', { text: s.freeText.prompt })
              : t('tab.settings.openOff')}
            <Text className={mergeClasses(layout.muted, styles.aside)}>
              {t('tab.settings.leadsOnly')}
            </Text>
          </Text>
        )}
      </Fieldset>

      <Fieldset legend={t('tab.settings.anonymity')}>
        {lead ? (
          <WholeNumberField
            label={t('tab.settings.minGroup')}
            hint={t('tab.settings.minGroupHint', { min: MIN_GROUP, max: MAX_GROUP })}
            value={s.minGroupSize}
            min={MIN_GROUP}
            max={MAX_GROUP}
            onChange={(minGroupSize) => setSettings({ minGroupSize })}
          />
        ) : (
          <Text>
            {t('tab.settings.minGroupValue', { count: s.minGroupSize })}
            <Text className={mergeClasses(layout.muted, styles.aside)}>
              {t('tab.settings.leadsOnly')}
            </Text>
          </Text>
        )}
        <Text className={layout.muted}>
          {t('tab.settings.minGroupEditorNote', { min: MIN_GROUP })}
        </Text>
      </Fieldset>

      {lead && (
        <Fieldset legend={t('tab.settings.leads')}>
          <Text className={layout.muted}>{t('tab.settings.leadsHint')}</Text>
          <div className={styles.leads} role="group" aria-label={t('tab.settings.leads')}>
            {members.map((m) => (
              <Checkbox
                key={m.aadObjectId}
                label={m.name}
                checked={draft.leads.includes(m.aadObjectId)}
                onChange={(_, d) =>
                  setDraft((x) => ({
                    ...x,
                    leads: d.checked
                      ? [...x.leads, m.aadObjectId]
                      : x.leads.filter((id) => id !== m.aadObjectId),
                  }))
                }
              />
            ))}
          </div>
        </Fieldset>
      )}

      {error && (
        <FormError
          title={t(lead ? 'tab.settings.notSaved' : 'tab.settings.notProposed')}
          error={error}
          data-testid="settings-error"
        />
      )}
      {saved && !dirty && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <FormActions
        submitLabel={submitLabel}
        cancelLabel={cancelLabel}
        busy={busy}
        submitDisabled={!dirty}
        cancelDisabled={busy || (lead && !dirty)}
        onCancel={() => {
          setDraft(initial);
          onCancel();
        }}
      >
        {!dirty && lead && <Text className={layout.muted}>{t('tab.settings.noUnsaved')}</Text>}
      </FormActions>
    </form>
  );
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>
        <Subtitle2>{legend}</Subtitle2>
      </legend>
      {children}
    </fieldset>
  );
}

/** A number from a SpinButton: its value when stepped, what was typed otherwise. */
function spinValue(data: { value?: number | null; displayValue?: string }): number | undefined {
  if (typeof data.value === 'number') return data.value;
  const typed = Number(data.displayValue);
  return data.displayValue !== undefined && Number.isFinite(typed) ? Math.round(typed) : undefined;
}

interface WholeNumberProps {
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}

/** A whole number, stepped or typed; what cannot be read as a number leaves the value as it was. */
function WholeNumberField({ label, hint, value, min, max, onChange }: WholeNumberProps) {
  const t = useT();
  return (
    <Field label={label} hint={hint}>
      <SpinButton
        incrementButton={{ 'aria-label': t('tab.settings.increment') }}
        decrementButton={{ 'aria-label': t('tab.settings.decrement') }}
        value={value}
        min={min}
        max={max}
        onChange={(_, d) => {
          const typed = spinValue(d);
          if (typed !== undefined) onChange(typed);
        }}
      />
    </Field>
  );
}
