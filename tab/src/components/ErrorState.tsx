import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ApiError } from '../api';

interface Props {
  /** What could not be done, e.g. "The recognition wall could not be loaded". */
  title: string;
  error: ApiError;
  /** Offered unless the request itself was refused as invalid (trying again cannot help). */
  onRetry?: () => void;
}

/** An error the person can act on: the API's own message, and a retry where it makes sense. */
export function ErrorState({ title, error, onRetry }: Props) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      {onRetry && error.status !== 400 && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
