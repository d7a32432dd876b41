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
  const [draft, setDraft] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const tag = draft.trim();
    if (tag && (await action.run('add', () => putTags([...mine, tag])))) {
      setDraft('');
      announce(`Added ${tag} to your interests.`);
    }
  };
  const remove = async (tag: string) => {
    if (await action.run('remove', () => putTags(mine.filter((t) => t !== tag))))
      announce(`Removed ${tag} from your interests.`);
  };

  return (
    <section className={layout.columnM} aria-labelledby="my-interests-title">
      <Subtitle1 as="h3" className={headings.root} id="my-interests-title">
        Your interests
      </Subtitle1>
      {mine.length === 0 ? (
        <Text>You have not added any interests in this team.</Text>
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
              dismissIcon={{ 'aria-label': 'remove' }}
              disabled={action.busy !== undefined}
            >
              {tag}
            </Tag>
          ))}
        </TagGroup>
      )}
      <form className={styles.add} onSubmit={(e) => void add(e)}>
        <Field className={styles.field} label="Add an interest">
          <Input value={draft} maxLength={40} onChange={(_, d) => setDraft(d.value)} />
        </Field>
        <Button
          type="submit"
          appearance="primary"
          disabled={!draft.trim() || action.busy !== undefined}
        >
          Add
        </Button>
      </form>
      <Caption1 className={layout.muted}>
        Like “dogs” or “board games”: up to 40 characters, and 20 interests in a team.
      </Caption1>
      {action.error && <FormError title="Your interests were not changed" error={action.error} />}
    </section>
  );
}
