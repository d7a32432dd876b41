import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiError } from '../api';
import { useErrorText } from '../i18n/error-text';

interface Props {
  /** What did not happen, e.g. "The settings were not saved". */
  title: string;
  /** The server's refusal: its message names the field or the reason. */
  error: ApiError;
  'data-testid'?: string;
}

/** Why a form's request was refused, announced as it appears. */
export function FormError({ title, error, 'data-testid': testId }: Props) {
  const errorText = useErrorText();
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {errorText(error)}
      </MessageBarBody>
    </MessageBar>
  );
}
