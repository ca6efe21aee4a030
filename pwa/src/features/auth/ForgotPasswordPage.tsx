import { createSignal, Show } from 'solid-js';
import { apiClient } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { graphql } from '../../gql';
import { t } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button, ButtonLink } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { AuthLayout } from './AuthLayout';
import { formValues } from './authForms';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      __typename
      ...ErrorFields
    }
  }
`);

export function ForgotPasswordPage() {
  const submission = createSubmission();
  const [sentTo, setSentTo] = createSignal<string>();

  const handleSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const { email } = formValues(event.currentTarget, ['email']);
    const success = await submission.submit(
      () => apiClient().mutation(RequestPasswordResetMutation, { email }).toPromise(),
      (data) => data.requestPasswordReset,
    );
    if (success) setSentTo(email);
  };

  return (
    <AuthLayout
      title={t('forgot.title')}
      intro={sentTo() ? undefined : t('forgot.intro')}
      footer={<a href="/login">{t('auth.backToLogin')}</a>}
    >
      <Show
        when={sentTo()}
        fallback={
          <form class="stack" novalidate onSubmit={handleSubmit}>
            <ErrorAlert message={submission.message()} />
            <TextField
              label={t('form.email')}
              name="email"
              type="email"
              autocomplete="email"
              inputmode="email"
              required
              error={submission.fieldError('email')}
            />
            <Button type="submit" size="lg" block busy={submission.pending()}>
              {t('forgot.submit')}
            </Button>
          </form>
        }
      >
        {(email) => (
          <div class="stack">
            {/* Same answer whether or not the address has an account: nothing is revealed. */}
            <Alert tone="success" title={t('forgot.sentTitle')}>
              {t('forgot.sentBody', { email: email() })}
            </Alert>
            <ButtonLink href="/login" variant="secondary" block>
              {t('auth.backToLogin')}
            </ButtonLink>
          </div>
        )}
      </Show>
    </AuthLayout>
  );
}
