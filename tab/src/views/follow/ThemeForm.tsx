import { Button, Checkbox, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { useLayoutStyles } from '../../layout-styles';
import { useAction } from '../../use-action';
import { useT } from '../../i18n/use-t';
import type { FeedbackComment } from '../../../../bot/src/features/follow-through/follow-schemas';

interface Props {
  comments: readonly FeedbackComment[];
  onSave(themes: { name: string; commentIds: string[] }[]): Promise<void>;
}

/** A comment's first 80 characters: its own words, cut with an ellipsis. */
const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** The round's themes as they are, and a new one: a name and the comments it groups. */
export function ThemeForm({ comments, onSave }: Props) {
  const layout = useLayoutStyles();
  const t = useT();
  const saving = useAction();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);

  const existing = () => {
    const themes = new Map<string, string[]>();
    for (const c of comments)
      if (c.theme) themes.set(c.theme, [...(themes.get(c.theme) ?? []), c.id]);
    return [...themes.entries()].map(([theme, commentIds]) => ({ name: theme, commentIds }));
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void saving.run('theme', async () => {
      await onSave([...existing(), { name, commentIds: chosen }]);
      setName('');
      setChosen([]);
    });
  };

  return (
    <form className={layout.columnS} onSubmit={add} aria-label={t('tab.follow.addThemeForm')}>
      <Field label={t('tab.follow.themeName')}>
        <Input value={name} maxLength={60} onChange={(_, d) => setName(d.value)} />
      </Field>
      <fieldset className={layout.columnS}>
        <legend>{t('tab.follow.themeComments')}</legend>
        {comments.map((c) => (
          <Checkbox
            key={c.id}
            label={excerpt(c.text)}
            checked={chosen.includes(c.id)}
            onChange={(_, d) =>
              setChosen((ids) => (d.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id)))
            }
          />
        ))}
      </fieldset>
      <div className={layout.rowS}>
        <Button type="submit" disabled={!!saving.busy || !name.trim() || chosen.length === 0}>
          {t('tab.follow.addTheme')}
        </Button>
      </div>
      {saving.error && <FormError title={t('tab.follow.themeNotSaved')} error={saving.error} />}
    </form>
  );
}
