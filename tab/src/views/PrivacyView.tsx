import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { LazyConfirmDialog, useConfirmation } from '../components/LazyConfirmDialog';
import { DataTable } from '../components/DataTable';
import { ErrorState } from '../components/ErrorState';
import { Loaded } from '../components/Loaded';
import { LoadingCards } from '../components/LoadingCards';
import { useLayoutStyles } from '../layout-styles';
import { useSession } from '../session-context';
import type { PrivacyDescription } from '../../../bot/src/features/privacy/privacy-schemas';
import { useAction } from '../use-action';
import { useResource } from '../use-resource';
import { useT } from '../i18n/use-t';

/** Offers a JSON body as a file download. */
function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "What Rapport stores": every record and field, why, who sees it and how long it is kept (from
 * the same description the server is held to), and the person's own export and delete.
 */
export function PrivacyView() {
  const layout = useLayoutStyles();
  const { api, inTeams, signOut } = useSession();
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => api.get<PrivacyDescription>('/api/v1/privacy', signal),
    [api],
  );
  const [privacy] = useResource(load);
  const exporting = useAction();
  const deleting = useConfirmation({
    title: t('tab.privacy.deleteTitle'),
    confirmLabel: t('tab.privacy.deleteMyData'),
  });
  const [deleted, setDeleted] = useState(false);

  // Fire and forget: useAction catches a failure and keeps it for the ErrorState below.
  const exportData = () =>
    void exporting.run('export', async () => {
      const blob = await api.blob('/api/v1/me/export');
      download(new Blob([blob], { type: 'application/json' }), 'rapport-my-data.json');
    });

  const deleteData = async () => {
    await api.send('DELETE', '/api/v1/me');
    setDeleted(true);
  };

  return (
    <section className={layout.columnXL} aria-labelledby="privacy-title">
      <div className={layout.columnS}>
        <Title3 as="h2" id="privacy-title">
          {t('tab.views.privacy')}
        </Title3>
        <Text>{t('tab.privacy.intro')}</Text>
      </div>

      <Loaded
        resource={privacy}
        loading={<LoadingCards count={2} label={t('tab.privacy.loading')} />}
        errorTitle={t('tab.privacy.loadFailed')}
      >
        {(data) => (
          <>
            {data.stored.map((record) => (
              <div className={layout.columnS} key={record.record} data-testid="stored-record">
                <Subtitle1 as="h3">{record.record}</Subtitle1>
                {/* Wider than a phone: it scrolls sideways, and takes focus so keys can scroll it. */}
                <div
                  className={layout.scrollX}
                  role="region"
                  tabIndex={0}
                  aria-label={record.record}
                >
                  <DataTable
                    minWidth="640px"
                    aria-label={t('tab.privacy.tableLabel', { record: record.record })}
                    rows={record.fields}
                    rowKey={(f) => f.field}
                    columns={[
                      { title: t('tab.privacy.field'), width: '28%', cell: (f) => f.field },
                      { title: t('tab.privacy.why'), cell: (f) => f.why },
                      { title: t('tab.privacy.visibleTo'), cell: (f) => f.visibleTo },
                      { title: t('tab.privacy.kept'), cell: (f) => f.kept },
                    ]}
                  />
                </div>
              </div>
            ))}
            <div className={layout.columnS}>
              <Subtitle1 as="h3">{t('tab.privacy.neverStored')}</Subtitle1>
              <ul className={layout.lines}>
                {data.notStored.map((item) => (
                  <li key={item}>
                    <Text>{item}</Text>
                  </li>
                ))}
              </ul>
            </div>
          </>
        )}
      </Loaded>

      <div className={layout.columnS}>
        <Subtitle2 as="h3">{t('tab.privacy.yourData')}</Subtitle2>
        <Text>{t('tab.privacy.yourDataText')}</Text>
        {deleted && (
          <MessageBar intent="success" role="status" layout="multiline">
            <MessageBarBody>{t('tab.privacy.deleted')}</MessageBarBody>
            {!inTeams && (
              <MessageBarActions>
                <Button onClick={() => signOut()}>{t('tab.shell.signOut')}</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        {exporting.error && (
          <ErrorState
            title={t('tab.privacy.exportFailed')}
            error={exporting.error}
            onRetry={exportData}
          />
        )}
        <div className={layout.rowM}>
          <Button
            onClick={exportData}
            disabled={exporting.busy !== undefined}
            icon={exporting.busy ? <Spinner size="tiny" /> : undefined}
          >
            {t('tab.privacy.exportMyData')}
          </Button>
          <Button onClick={() => deleting.ask()} disabled={deleted}>
            {t('tab.privacy.deleteMyData')}
          </Button>
        </div>
      </div>

      <LazyConfirmDialog confirmation={deleting} onConfirm={deleteData}>
        <Text as="p">{t('tab.privacy.deleteText')}</Text>
        <Text as="p">{t('tab.privacy.deleteAggregates')}</Text>
      </LazyConfirmDialog>
    </section>
  );
}
