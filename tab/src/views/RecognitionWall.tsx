import {
  Button,
  Field,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useVisuallyHidden } from '../a11y';
import { teamPath, toApiError, type ApiError } from '../api';
import { LazyConfirmDialog, useConfirmation } from '../components/LazyConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { LoadingCards } from '../components/LoadingCards';
import { Options } from '../components/Options';
import { useLayoutStyles } from '../layout-styles';
import { useHeadingStyles } from './heading-styles';
import { useSession } from '../session-context';
import { traitOptions } from '../traits';
import { useT } from '../i18n/use-t';
import type {
  QuietMembers,
  Recognition,
  RecognitionPage,
} from '../../../bot/src/features/recognition/recognition-schemas';
import type { Person } from '../../../bot/src/people/people-schemas';
import { useUrlParams } from '../url-state';
import { QuietLately } from './QuietLately';
import { RecognitionCard } from './RecognitionCard';
import { WALL_PAGE_SIZE, wallPageUrl } from './wall-api';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-end',
  },
  filter: { minWidth: '220px' },

  more: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalM },
});

interface Wall {
  key: string;
  items: Recognition[];
  nextCursor: string | null;
  error?: ApiError;
  loadingMore: boolean;
  moreError?: ApiError;
}

/** The recognition wall: newest first, filtered by trait or person, loaded page by page. */
export function RecognitionWall({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const hidden = useVisuallyHidden();
  const { api, me, locale } = useSession();
  const t = useT();
  const [params, update] = useUrlParams();
  const tag = params.trait;
  const recipient = params.person;
  const [attempt, setAttempt] = useState(0);
  const key = `${teamId}|${tag ?? ''}|${recipient ?? ''}|${attempt}`;
  const [wall, setWall] = useState<Wall>();
  const [people, setPeople] = useState<Map<string, string>>(() => new Map());
  const deleting = useConfirmation<Recognition>({
    title: t('tab.wall.deleteTitle'),
    confirmLabel: t('tab.common.delete'),
  });
  const [announcement, setAnnouncement] = useState('');
  const loadingMore = useRef(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const remember = useCallback((found: Person[]) => {
    setPeople((known) => {
      if (found.every((p) => known.has(p.aadObjectId))) return known;
      const next = new Map(known);
      for (const p of found) next.set(p.aadObjectId, p.name);
      return next;
    });
  }, []);

  const pageUrl = useCallback(
    (cursor?: string) => wallPageUrl(teamId, { tag, recipient, cursor }),
    [teamId, tag, recipient],
  );

  useEffect(() => {
    const controller = new AbortController();
    api.get<RecognitionPage>(pageUrl(), controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        remember(page.items.flatMap((r) => [r.sender, ...r.recipients]));
        setWall({ key, items: page.items, nextCursor: page.nextCursor, loadingMore: false });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setWall({ key, items: [], nextCursor: null, error: toApiError(err), loadingMore: false });
      },
    );
    return () => controller.abort();
  }, [api, pageUrl, key, remember]);

  const current = wall?.key === key ? wall : undefined;
  const cursor = current?.nextCursor ?? null;

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    setWall((w) => (w && w.key === key ? { ...w, loadingMore: true, moreError: undefined } : w));
    try {
      const page = await api.get<RecognitionPage>(pageUrl(cursor));
      remember(page.items.flatMap((r) => [r.sender, ...r.recipients]));
      setWall((w) =>
        w && w.key === key
          ? {
              ...w,
              items: [...w.items, ...page.items.filter((r) => !w.items.some((i) => i.id === r.id))],
              nextCursor: page.nextCursor,
              loadingMore: false,
            }
          : w,
      );
      setAnnouncement(t('tab.wall.moreLoaded', { count: page.items.length }));
    } catch (err) {
      setWall((w) =>
        w && w.key === key ? { ...w, loadingMore: false, moreError: toApiError(err) } : w,
      );
    } finally {
      loadingMore.current = false;
    }
  }, [api, cursor, key, pageUrl, remember, t]);

  // Infinite scroll: load the next page as the end of the list comes into view. The "Load more"
  // button does the same for keyboards and for browsers without IntersectionObserver.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !cursor || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadMore();
      },
      { rootMargin: '200px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [cursor, loadMore]);

  const onQuiet = useCallback((q: QuietMembers) => remember(q.members), [remember]);

  const remove = async (toDelete: Recognition) => {
    await api.send('DELETE', teamPath(teamId, `/recognitions/${encodeURIComponent(toDelete.id)}`));
    setWall((w) => (w ? { ...w, items: w.items.filter((r) => r.id !== toDelete.id) } : w));
    setAnnouncement(t('tab.wall.deleted'));
    // The button that opened the dialog is gone with its card: keep keyboard users in the wall.
    heading.current?.focus();
  };

  const personOptions = [...people.entries()]
    .map(([id, name]) => ({
      id,
      label: id === me.aadObjectId ? t('tab.common.you', { name }) : name,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const filtered = Boolean(tag || recipient);
  const clearFilters = () => update({ trait: undefined, person: undefined });

  return (
    <section className={layout.columnL} aria-labelledby="wall-title">
      <h2 className={headings.view} id="wall-title" ref={heading} tabIndex={-1}>
        {t('tab.views.wall')}
      </h2>
      <QuietLately teamId={teamId} onLoaded={onQuiet} />

      <div className={styles.filters} role="group" aria-label={t('tab.wall.filters')}>
        <Field label={t('tab.wall.trait')} className={styles.filter}>
          <Select value={tag ?? ''} onChange={(_, d) => update({ trait: d.value || undefined })}>
            <option value="">{t('tab.wall.allTraits')}</option>
            <Options items={traitOptions(t)} />
          </Select>
        </Field>
        <Field label={t('tab.wall.person')} className={styles.filter}>
          <Select
            value={recipient ?? ''}
            onChange={(_, d) => update({ person: d.value || undefined })}
          >
            <option value="">{t('tab.wall.everyone')}</option>
            {recipient && !people.has(recipient) && (
              <option value={recipient}>{t('tab.wall.selectedPerson')}</option>
            )}
            <Options items={personOptions} />
          </Select>
        </Field>
        {filtered && <Button onClick={clearFilters}>{t('tab.wall.clearFilters')}</Button>}
      </div>

      {!current && <LoadingCards label={t('tab.wall.loading')} />}
      {current?.error && (
        <ErrorState
          title={t('tab.wall.loadFailed')}
          error={current.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {current &&
        !current.error &&
        current.items.length === 0 &&
        (filtered ? (
          <EmptyState
            title={t('tab.wall.noMatchTitle')}
            action={<Button onClick={clearFilters}>{t('tab.wall.clearFilters')}</Button>}
          >
            {t('tab.wall.noMatchText')}
          </EmptyState>
        ) : (
          <EmptyState title={t('tab.wall.emptyTitle')}>{t('tab.wall.emptyText')}</EmptyState>
        ))}
      {current && current.items.length > 0 && (
        <ul className={layout.cards} aria-label={t('tab.wall.listLabel')}>
          {current.items.map((r) => (
            <li key={r.id}>
              <RecognitionCard
                recognition={r}
                locale={locale}
                onDelete={r.sender.aadObjectId === me.aadObjectId ? deleting.ask : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {current?.moreError && (
        <ErrorState
          title={t('tab.wall.moreFailed')}
          error={current.moreError}
          onRetry={() => void loadMore()}
        />
      )}
      {cursor && (
        <div className={styles.more} ref={sentinel}>
          <Button
            onClick={() => void loadMore()}
            disabled={current?.loadingMore}
            icon={current?.loadingMore ? <Spinner size="tiny" /> : undefined}
          >
            {current?.loadingMore ? t('tab.common.loading') : t('tab.wall.loadMore')}
          </Button>
        </div>
      )}
      {current && !cursor && current.items.length > WALL_PAGE_SIZE && (
        <Text align="center">{t('tab.wall.end')}</Text>
      )}
      <div className={hidden.root} aria-live="polite">
        {announcement}
      </div>

      <LazyConfirmDialog confirmation={deleting} onConfirm={remove}>
        {t('tab.wall.deleteText')}
      </LazyConfirmDialog>
    </section>
  );
}
