import { Badge, Body1, Button, Caption1, Card, Field, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { useLayoutStyles } from '../../layout-styles';
import { useAction } from '../../use-action';
import { useT } from '../../i18n/use-t';
import type { FeedbackComment } from '../../../../bot/src/features/follow-through/follow-schemas';

interface Props {
  comment: FeedbackComment;
  isLead: boolean;
  selected: boolean;
  onReply(text: string): Promise<void>;
  onHeard(): Promise<void>;
  onSelect(selected: boolean): void;
}

/**
 * One anonymous comment, its replies in the open and what the team did with it. Nothing here
 * asks who wrote it: replies are signed, the comment never is.
 */
export function CommentCard({ comment, isLead, selected, onReply, onHeard, onSelect }: Props) {
  const layout = useLayoutStyles();
  const t = useT();
  const replying = useAction();
  const [text, setText] = useState('');
  const labelId = `comment-${comment.id}`;

  const reply = (event: FormEvent) => {
    event.preventDefault();
    void replying.run('reply', async () => {
      await onReply(text);
      setText('');
    });
  };

  return (
    <Card aria-labelledby={labelId} data-testid="follow-comment">
      <Body1 id={labelId} className={layout.writtenText}>
        {comment.text}
      </Body1>
      <div className={layout.rowS}>
        {comment.heard && (
          <Badge appearance="tint" color="success">
            {t('tab.follow.heard')}
          </Badge>
        )}
        {comment.theme && (
          <Badge appearance="outline">{t('tab.follow.theme', { theme: comment.theme })}</Badge>
        )}
      </div>
      {comment.replies.length > 0 && (
        <ul className={layout.lines} aria-label={t('tab.follow.replies')}>
          {comment.replies.map((r) => (
            <li key={r.id} className={layout.columnS}>
              <Caption1 className={layout.muted}>
                {r.mine ? t('tab.follow.repliedYou') : t('tab.follow.replied', { name: r.author })}
              </Caption1>
              <Body1 as="p" className={layout.writtenText}>
                {r.text}
              </Body1>
            </li>
          ))}
        </ul>
      )}
      <form className={layout.columnS} onSubmit={reply}>
        <Field label={t('tab.follow.replyLabel')} hint={t('tab.follow.replyHint')}>
          <Textarea value={text} maxLength={1000} onChange={(_, d) => setText(d.value)} />
        </Field>
        <div className={layout.rowS}>
          <Button type="submit" appearance="primary" disabled={!!replying.busy || !text.trim()}>
            {t('tab.follow.reply')}
          </Button>
          {isLead && !comment.heard && (
            <Button onClick={() => void replying.run('heard', onHeard)} disabled={!!replying.busy}>
              {t('tab.follow.markHeard')}
            </Button>
          )}
          <Button aria-pressed={selected} onClick={() => onSelect(!selected)}>
            {selected ? t('tab.follow.chosen') : t('tab.follow.choose')}
          </Button>
        </div>
      </form>
      {replying.error && (
        <FormError title={t('tab.follow.didNotGoThrough')} error={replying.error} />
      )}
    </Card>
  );
}
