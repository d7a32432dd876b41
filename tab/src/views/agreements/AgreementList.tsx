import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle1,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useHeadingStyles } from '../heading-styles';
import { useCallback } from 'react';
import { FormattedMessage } from 'react-intl';
import { teamPath } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { Loaded } from '../../components/Loaded';
import { LoadingCards } from '../../components/LoadingCards';
import { useLayoutStyles } from '../../layout-styles';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session-context';
import type { AgreementSummary } from '../../../../bot/src/features/agreements/agreement-schemas';
import { useUrlParams } from '../../url-state';
import { useResource } from '../../use-resource';
import { AgreementCard } from './AgreementCard';
import { categories, isStatus, reviewState, statusFilters } from './agreement-format';
import { useAgreements } from './agreements-context';

const useStyles = makeStyles({
  filters: { flexWrap: 'wrap' },
  count: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

/** The agreements, grouped by category, with the status filter and what is due for review. */
export function AgreementList() {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api } = useSession();
  const t = useT();
  const { teamId, today, open } = useAgreements();
  const [params, update] = useUrlParams();
  const status = isStatus(params.status) ? params.status : undefined;

  const load = useCallback(
    (signal: AbortSignal) =>
      api.get<{ items: AgreementSummary[] }>(
        teamPath(teamId, `/agreements${status ? `?status=${status}` : ''}`),
        signal,
      ),
    [api, teamId, status],
  );
  const [list, change] = useResource(load);
  const onChange = useCallback(
    (updated: AgreementSummary) =>
      change((data) => ({
        items: data.items.map((a) => (a.id === updated.id ? updated : a)),
      })),
    [change],
  );

  const items = list.status === 'ok' ? list.data.items : [];
  const due = items.filter((a) => reviewState(a, today).due);

  return (
    <div className={layout.columnL}>
      <div className={layout.viewHeader}>
        <h2 className={headings.view} id="agreements-title" tabIndex={-1}>
          {t('tab.agreements.title')}
        </h2>
        <Button appearance="primary" onClick={() => open('new')}>
          {t('tab.agreements.propose')}
        </Button>
      </div>
      <Text className={layout.intro}>{t('tab.agreements.intro')}</Text>

      <Field label={t('tab.agreements.show')}>
        <RadioGroup
          className={styles.filters}
          layout="horizontal"
          value={status ?? 'all'}
          onChange={(_, d) => update({ status: d.value === 'all' ? undefined : d.value })}
        >
          {statusFilters(t).map((f) => (
            <Radio key={f.value} value={f.value} label={f.label} />
          ))}
        </RadioGroup>
      </Field>

      {due.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="reviews-due">
          <MessageBarBody>
            <MessageBarTitle>{t('tab.agreements.reviewsDueTitle')}</MessageBarTitle>
            {t('tab.agreements.reviewsDue', { count: due.length })}
          </MessageBarBody>
        </MessageBar>
      )}

      <Loaded
        resource={list}
        loading={<LoadingCards label={t('tab.agreements.loading')} />}
        errorTitle={t('tab.agreements.loadFailed')}
      >
        {() =>
          items.length === 0 &&
          (status ? (
            <EmptyState
              title={t('tab.agreements.noneWithStatus', { status })}
              action={
                <Button onClick={() => update({ status: undefined })}>
                  {t('tab.agreements.showAll')}
                </Button>
              }
            >
              {t('tab.agreements.noneWithStatusBody')}
            </EmptyState>
          ) : (
            <EmptyState
              title={t('tab.agreements.empty')}
              action={
                <Button appearance="primary" onClick={() => open('new')}>
                  {t('tab.agreements.startFromTemplate')}
                </Button>
              }
            >
              {t('tab.agreements.emptyBody')}
            </EmptyState>
          ))
        }
      </Loaded>

      {categories(t).map((category) => {
        const inCategory = items.filter((a) => a.category === category.id);
        if (inCategory.length === 0) return null;
        return (
          <section
            key={category.id}
            className={layout.columnS}
            aria-labelledby={`category-${category.id}`}
            data-testid="agreement-category"
          >
            <Subtitle1 as="h3" className={headings.root} id={`category-${category.id}`}>
              <FormattedMessage
                id="tab.agreements.categoryHeading"
                values={{
                  category: category.label,
                  count: inCategory.length,
                  muted: (chunks) => <span className={styles.count}>{chunks}</span>,
                }}
              />
            </Subtitle1>
            <ul className={layout.cards}>
              {inCategory.map((a) => (
                <li key={a.id}>
                  <AgreementCard agreement={a} onChange={onChange} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
