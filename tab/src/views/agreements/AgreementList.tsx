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
import { teamPath } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { Loaded } from '../../components/Loaded';
import { LoadingCards } from '../../components/LoadingCards';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type { AgreementSummary } from '../../../../bot/src/features/agreements/agreement-schemas';
import { useUrlParams } from '../../url-state';
import { useResource } from '../../use-resource';
import { AgreementCard } from './AgreementCard';
import {
  CATEGORIES,
  isStatus,
  reviewState,
  STATUS_FILTERS,
  STATUS_LABELS,
} from './agreement-format';
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
          Working agreements
        </h2>
        <Button appearance="primary" onClick={() => open('new')}>
          Propose an agreement
        </Button>
      </div>
      <Text className={layout.intro}>
        The rules your team works by, written down and decided together: any member proposes one,
        the others endorse or object with a reason, and every change keeps its history.
      </Text>

      <Field label="Show">
        <RadioGroup
          className={styles.filters}
          layout="horizontal"
          value={status ?? 'all'}
          onChange={(_, d) => update({ status: d.value === 'all' ? undefined : d.value })}
        >
          {STATUS_FILTERS.map((f) => (
            <Radio key={f.value} value={f.value} label={f.label} />
          ))}
        </RadioGroup>
      </Field>

      {due.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="reviews-due">
          <MessageBarBody>
            <MessageBarTitle>Time to review</MessageBarTitle>
            {due.length === 1
              ? '1 agreement is due for review: keep it as it is, or propose a change.'
              : `${due.length} agreements are due for review: keep them as they are, or propose changes.`}
          </MessageBarBody>
        </MessageBar>
      )}

      <Loaded
        resource={list}
        loading={<LoadingCards label="Loading agreements" />}
        errorTitle="The agreements could not be loaded"
      >
        {() =>
          items.length === 0 &&
          (status ? (
            <EmptyState
              title={`No ${STATUS_LABELS[status].toLowerCase()} agreements`}
              action={<Button onClick={() => update({ status: undefined })}>Show all</Button>}
            >
              Nothing has this status right now. Show every agreement, or propose a new one.
            </EmptyState>
          ) : (
            <EmptyState
              title="No working agreements yet"
              action={
                <Button appearance="primary" onClick={() => open('new')}>
                  Start from a template
                </Button>
              }
            >
              Write down what usually goes unsaid: when people answer messages, what meetings are
              for, whether cameras are on. Start from a template, edit it, and the team decides
              together within 7 days.
            </EmptyState>
          ))
        }
      </Loaded>

      {CATEGORIES.map((category) => {
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
              {category.label} <span className={styles.count}>({inCategory.length})</span>
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
