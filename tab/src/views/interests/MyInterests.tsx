import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Subtitle1,
  Tag,
  TagGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { useLayoutStyles } from '../../layout-styles';
import { useAction } from '../../use-action';
import { useT } from '../../i18n/use-t';
import { useHeadingStyles } from '../heading-styles';
import { useInterests } from './interests-context';

const useStyles = makeStyles({
  add: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  field: { flexGrow: 1, maxWidth: '24rem' },
});

/** The caller's own interests: remove one with its ×, add one by name. */
export function MyInterests() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { mine, putTags, announce } = useInterests();
  const action = useAction();
  const t = useT();
  const [draft, setDraft] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const tag = draft.trim();
    if (tag && (await action.run('add', () => putTags([...mine, tag])))) {
      setDraft('');
      announce(t('tab.interests.added', { tag }));
    }
  };
  const remove = async (tag: string) => {
    if (await action.run('remove', () => putTags(mine.filter((other) => other !== tag))))
      announce(t('tab.interests.removed', { tag }));
  };

  return (
    <section className={layout.columnM} aria-labelledby="my-interests-title">
      <Subtitle1 as="h3" className={headings.root} id="my-interests-title">
        {t('tab.interests.yours')}
      </Subtitle1>
      {mine.length === 0 ? (
        <Text>{t('tab.interests.noneYet')}</Text>
      ) : (
        <TagGroup
          aria-labelledby="my-interests-title"
          onDismiss={(_, { value }) => void remove(value)}
        >
          {mine.map((tag) => (
            <Tag
              key={tag}
              value={tag}
              dismissible
              dismissIcon={{ 'aria-label': t('tab.interests.removeTag', { tag }) }}
              disabled={action.busy !== undefined}
            >
              {tag}
            </Tag>
          ))}
        </TagGroup>
      )}
      <form className={styles.add} onSubmit={(e) => void add(e)}>
        <Field className={styles.field} label={t('tab.interests.add')}>
          <Input value={draft} maxLength={40} onChange={(_, d) => setDraft(d.value)} />
        </Field>
        <Button
          type="submit"
          appearance="primary"
          disabled={!draft.trim() || action.busy !== undefined}
        >
          {t('tab.interests.addButton')}
        </Button>
      </form>
      <Caption1 className={layout.muted}>{t('tab.interests.addHint')}</Caption1>
      {action.error && <FormError title={t('tab.interests.notChanged')} error={action.error} />}
    </section>
  );
}
