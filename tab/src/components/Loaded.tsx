import type { ReactNode } from 'react';
import type { Resource } from '../use-resource';
import { ErrorState } from './ErrorState';

interface Props<T> {
  resource: Resource<T>;
  /** The placeholder while it loads, shaped like what comes. */
  loading: ReactNode;
  /** What could not be loaded, e.g. "Feedback could not be loaded". */
  errorTitle: string;
  children: (data: T) => ReactNode;
}

/** Data a view loads, as every view shows it: a placeholder, then the data or the error. */
export function Loaded<T>({ resource, loading, errorTitle, children }: Props<T>) {
  if (resource.status === 'loading') return loading;
  if (resource.status === 'error')
    return <ErrorState title={errorTitle} error={resource.error} onRetry={resource.retry} />;
  return children(resource.data);
}
