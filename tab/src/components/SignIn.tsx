import {
  Button,
  Card,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiError, createApi, toApiError } from '../api';
import { useErrorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';

/**
 * Microsoft 365 Agents Playground's own tenant and signed-in user (its default mock config), so
 * that the teams installed from the Playground are listed at once. The tenant is 13 digits long:
 * not a GUID, but what the Playground sends.
 */
const PLAYGROUND = {
  tenantId: '00000000-0000-0000-0000-0000000000001',
  userId: '00000000-0000-0000-0000-0000000000020',
  name: 'Alex Wilber',
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    justifyContent: 'center',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
  },
  card: { width: '100%', maxWidth: '440px', padding: tokens.spacingHorizontalXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  /** Why the person is here again (an expired token, deleted data). */
  notice?: string;
  onSignedIn: (token: string) => void;
}

/**
 * Sign-in outside Teams, for local runs: the server mints a dev token (AUTH_MODE=dev only). In
 * Teams the tab signs in by itself with the Teams SSO token.
 */
export default function SignIn({ notice, onSignedIn }: Props) {
  const styles = useStyles();
  const t = useT();
  const errorText = useErrorText();
  const [tenantId, setTenantId] = useState(PLAYGROUND.tenantId);
  const [userId, setUserId] = useState(PLAYGROUND.userId);
  const [name, setName] = useState(PLAYGROUND.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  // Never rejects: a failure is shown above the form, so the form need not wait.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const api = createApi(undefined, () => undefined);
      const { token } = await api.send<{ token: string }>('POST', '/api/dev/token', {
        tenantId: tenantId.trim(),
        userId: userId.trim(),
        name: name.trim(),
      });
      onSignedIn(token);
    } catch (err) {
      const apiError = toApiError(err);
      setError(
        apiError.status === 404
          ? new ApiError(404, 'DEV_SIGNIN_OFF', 'This server does not issue local sign-ins.')
          : apiError,
      );
      setBusy(false);
    }
  };

  return (
    <main className={styles.root}>
      <Card className={styles.card}>
        <form
          className={styles.form}
          onSubmit={(event) => void submit(event)}
          aria-labelledby="signin-title"
        >
          <Title2 as="h1" id="signin-title">
            {t('tab.signIn.title')}
          </Title2>
          <Text>{t('tab.signIn.intro')}</Text>
          {notice && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          <Field label={t('tab.signIn.tenantId')} required hint={t('tab.signIn.tenantIdHint')}>
            <Input value={tenantId} onChange={(_, d) => setTenantId(d.value)} name="tenantId" />
          </Field>
          <Field label={t('tab.signIn.userId')} required hint={t('tab.signIn.userIdHint')}>
            <Input value={userId} onChange={(_, d) => setUserId(d.value)} name="userId" />
          </Field>
          <Field label={t('tab.signIn.name')} required>
            <Input
              value={name}
              onChange={(_, d) => setName(d.value)}
              name="name"
              autoComplete="name"
            />
          </Field>
          {error && (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{t('tab.signIn.failed')}</MessageBarTitle>
                {errorText(error)}
              </MessageBarBody>
            </MessageBar>
          )}
          <Button
            type="submit"
            appearance="primary"
            disabled={busy || !tenantId.trim() || !userId.trim() || !name.trim()}
            icon={busy ? <Spinner size="tiny" /> : undefined}
          >
            {t('tab.signIn.submit')}
          </Button>
        </form>
      </Card>
    </main>
  );
}
