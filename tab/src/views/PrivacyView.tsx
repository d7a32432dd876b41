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
  const load = useCallback(
    (signal: AbortSignal) => api.get<PrivacyDescription>('/api/v1/privacy', signal),
    [api],
  );
  const [privacy] = useResource(load);
  const exporting = useAction();
  const deleting = useConfirmation({ title: 'Delete your data?', confirmLabel: 'Delete my data' });
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
          What Rapport stores
        </Title3>
        <Text>
          Everything Rapport keeps, why, who can see it and for how long. Check-in answers are
          stored without names, and aggregates are never shown for fewer than three people.
        </Text>
      </div>

      <Loaded
        resource={privacy}
        loading={<LoadingCards count={2} label="Loading what is stored" />}
        errorTitle="This list could not be loaded"
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
                    aria-label={`${record.record}: stored fields`}
                    rows={record.fields}
                    rowKey={(f) => f.field}
                    columns={[
                      { title: 'Field', width: '28%', cell: (f) => f.field },
                      { title: 'Why', cell: (f) => f.why },
                      { title: 'Who can see it', cell: (f) => f.visibleTo },
                      { title: 'How long it is kept', cell: (f) => f.kept },
                    ]}
                  />
                </div>
              </div>
            ))}
            <div className={layout.columnS}>
              <Subtitle1 as="h3">Never stored</Subtitle1>
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
        <Subtitle2 as="h3">Your data</Subtitle2>
        <Text>
          Download everything Rapport holds about you as a JSON file, or delete it: the recognitions
          you gave and received and your check-in participation.
        </Text>
        {deleted && (
          <MessageBar intent="success" role="status" layout="multiline">
            <MessageBarBody>
              Your data was deleted. Team totals stay as they were. Rapport no longer lists you in
              your teams until you use it there again.
            </MessageBarBody>
            {!inTeams && (
              <MessageBarActions>
                <Button onClick={() => signOut()}>Sign out</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        {exporting.error && (
          <ErrorState
            title="Your data could not be exported"
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
            Export my data
          </Button>
          <Button onClick={() => deleting.ask()} disabled={deleted}>
            Delete my data
          </Button>
        </div>
      </div>

      <LazyConfirmDialog confirmation={deleting} onConfirm={deleteData}>
        <Text as="p">
          Rapport deletes the recognitions you gave and received and the record of which check-ins
          you answered, in every team. This cannot be undone.
        </Text>
        <Text as="p">
          Team aggregates stay intact: weekly averages and counts contain no names, so the team’s
          trend does not change.
        </Text>
      </LazyConfirmDialog>
    </section>
  );
}
