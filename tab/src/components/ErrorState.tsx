import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ApiError } from '../api';
import { isInTeams, updateParams } from '../url-state';
import { useErrorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';

/** Refusals because the person is not in the team's roster: access comes from Teams, not from here. */
const NOT_A_MEMBER = new Set(['NOT_A_MEMBER', 'CHECKIN_NOT_A_MEMBER', 'AGREEMENT_NOT_A_MEMBER']);

interface Props {
  /** What could not be done, e.g. "The recognition wall could not be loaded". */
  title: string;
  error: ApiError;
  /** Offered unless the request was refused as invalid or not allowed (trying again cannot help). */
  onRetry?: () => void;
}

/**
 * An error the person can act on: the API's own message, and a retry where it makes sense. A
 * refusal says how to get access instead, and outside Teams offers the teams the person is in.
 */
export function ErrorState({ title, error, onRetry }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const retry = onRetry && error.status !== 400 && error.status !== 403 ? onRetry : undefined;
  const notAMember = NOT_A_MEMBER.has(error.code);
  const showTeams = notAMember && !isInTeams();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {notAMember
          ? t('tab.common.twoSentences', {
              first: errorText(error),
              second: t('tab.errors.notAMemberHelp'),
            })
          : errorText(error)}
      </MessageBarBody>
      {(retry || showTeams) && (
        <MessageBarActions>
          {retry && <Button onClick={retry}>{t('tab.common.tryAgain')}</Button>}
          {showTeams && (
            <Button
              onClick={() =>
                updateParams({ team: undefined, agreement: undefined }, { push: true })
              }
            >
              {t('tab.errors.showMyTeams')}
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
