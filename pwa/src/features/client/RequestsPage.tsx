import { createSignal, For, onMount, Show } from 'solid-js';
import { createLiveQuery } from '../../app/liveQuery';
import { LiveStatus } from '../../app/LiveStatus';
import { usePageTitle } from '../../app/pageTitle';
import { apiClient } from '../../app/session';
import { createSubmission } from '../../app/submission';
import { trackUnsavedWork } from '../../app/unsavedWork';
import { graphql } from '../../gql';
import type { CustomerRequestCategory, CustomerRequestsQuery } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress, formatDate } from '../../i18n/format';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { CustomerRequestStatusBadge } from '../../ui/statusBadges';
import { SelectField, TextAreaField, TextField } from '../../ui/TextField';
import { createAttemptKey } from '../booking/attemptKey';
import './client.css';

const CustomerRequestsQuery = graphql(`
  query CustomerRequests {
    me {
      id
      customer {
        id
        sites {
          id
          label
          street
          postalCode
          city
        }
      }
    }
    myRequests {
      id
      number
      subject
      status
      createdAt
    }
  }
`);

const SubmitCustomerRequestMutation = graphql(`
  mutation SubmitCustomerRequest($input: SubmitCustomerRequestInput!) {
    submitCustomerRequest(input: $input) {
      __typename
      ... on MutationSubmitCustomerRequestSuccess {
        data {
          id
          number
        }
      }
      ...ErrorFields
    }
  }
`);

type Site = NonNullable<NonNullable<CustomerRequestsQuery['me']>['customer']>['sites'][number];

/** The portal's categories, in the order a customer thinks of them; their labels are the inbox's. */
const requestCategories: CustomerRequestCategory[] = [
  'BREAKDOWN',
  'QUOTE_REQUEST',
  'APPOINTMENT',
  'BILLING',
  'INFORMATION',
  'COMPLAINT',
  'OTHER',
];

const siteLabel = (site: Site) => (site.label ? `${site.label} · ${formatAddress(site)}` : formatAddress(site));

/** One request to the office: subject, details, type and, when it helps, which address. */
function RequestForm(props: { sites: Site[]; onSent: (number: number) => void }) {
  const [subject, setSubject] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [category, setCategory] = createSignal<CustomerRequestCategory>('BREAKDOWN');
  const [siteId, setSiteId] = createSignal('');
  const [blocked, setBlocked] = createSignal<string>();
  const unsaved = trackUnsavedWork();
  const attempt = createAttemptKey();
  const submission = createSubmission();

  const changed = () => {
    setBlocked(undefined);
    unsaved.changed();
  };

  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    if (subject().trim() === '') {
      setBlocked(t('requests.subjectMissing'));
      return;
    }
    const input = {
      subject: subject(),
      description: description() || null,
      category: category(),
      siteId: siteId() || null,
      idempotencyKey: attempt.current(),
    };
    const sent = await submission.submit(
      () => apiClient().mutation(SubmitCustomerRequestMutation, { input }).toPromise(),
      (data) => data.submitCustomerRequest,
    );
    if (submission.typedError() || sent) attempt.settle();
    if (!sent) return;
    unsaved.saved();
    props.onSent(sent.data.number);
  };

  return (
    <form class="stack" onSubmit={send} novalidate data-testid="request-form">
      <p class="muted">{t('requests.intro')}</p>
      <SelectField
        label={t('requests.category')}
        name="category"
        required
        value={category()}
        onChange={(value) => {
          setCategory(requestCategories.find((known) => known === value) ?? 'OTHER');
          changed();
        }}
      >
        <For each={requestCategories}>{(value) => <option value={value}>{t(`ticketCategory.${value}`)}</option>}</For>
      </SelectField>
      <TextField
        label={t('requests.subject')}
        hint={t('requests.subjectHint')}
        name="subject"
        required
        maxLength={200}
        value={subject()}
        error={submission.fieldError('subject')}
        onInput={(event) => {
          setSubject(event.currentTarget.value);
          changed();
        }}
      />
      <TextAreaField
        label={t('requests.description')}
        hint={t('requests.descriptionHint')}
        name="description"
        rows={5}
        maxLength={5000}
        value={description()}
        error={submission.fieldError('description')}
        onInput={(event) => {
          setDescription(event.currentTarget.value);
          changed();
        }}
      />
      <Show when={props.sites.length > 0}>
        <SelectField
          label={t('requests.site')}
          name="siteId"
          value={siteId()}
          error={submission.fieldError('siteId')}
          onChange={(value) => {
            setSiteId(value);
            changed();
          }}
        >
          <option value="">{t('requests.anySite')}</option>
          <For each={props.sites}>{(site) => <option value={site.id}>{siteLabel(site)}</option>}</For>
        </SelectField>
      </Show>
      <ErrorAlert message={blocked() ?? submission.message()} />
      <Button type="submit" size="lg" block busy={submission.pending()}>
        {t('requests.send')}
      </Button>
    </form>
  );
}

/** What the customer sees once the office has the request: its number, and a way to write another. */
function RequestSent(props: { number: number; onAnother: () => void }) {
  let heading: HTMLParagraphElement | undefined;
  onMount(() => heading?.focus());
  return (
    <div class="stack" data-testid="request-sent">
      <Alert tone="success">
        <p ref={heading} tabindex="-1" class="alert-title">
          {t('requests.sentTitle', { number: props.number })}
        </p>
        <p>{t('requests.sentBody')}</p>
      </Alert>
      <Button variant="secondary" block onClick={() => props.onAnother()}>
        {t('requests.another')}
      </Button>
    </div>
  );
}

/** /client/requests: a new request to the office ("Nouvelle demande") and the ones already sent. */
export default function RequestsPage() {
  usePageTitle(() => t('requests.title'));
  const { result, refresh, updatedAt } = createLiveQuery({ query: CustomerRequestsQuery });
  const [sentNumber, setSentNumber] = createSignal<number>();

  return (
    <div class="stack" data-testid="client-requests">
      <a href="/client" class="back-link">
        {t('common.backHome')}
      </a>
      <div class="page-heading">
        <h1>{t('requests.title')}</h1>
        <LiveStatus updatedAt={updatedAt()} error={result.error} onRetry={refresh} />
      </div>
      <Show
        when={result.data}
        fallback={
          <Show when={!result.error}>
            <Loading lines={4} />
          </Show>
        }
      >
        {(data) => (
          <>
            <Card>
              <Show
                when={sentNumber()}
                fallback={
                  <RequestForm
                    sites={data().me?.customer?.sites ?? []}
                    onSent={(number) => {
                      setSentNumber(number);
                      refresh();
                    }}
                  />
                }
              >
                {(number) => <RequestSent number={number()} onAnother={() => setSentNumber(undefined)} />}
              </Show>
            </Card>
            <Card title={t('requests.listTitle')} data-testid="my-requests">
              <Show when={data().myRequests.length > 0} fallback={<EmptyState>{t('requests.empty')}</EmptyState>}>
                <ul class="rows">
                  <For each={data().myRequests}>
                    {(request) => (
                      <li data-request-number={request.number}>
                        <span class="row-main">
                          <strong>{request.subject}</strong>
                          <span class="muted small">
                            {t('requests.number', { number: request.number })} ·{' '}
                            {t('requests.sentOn', { date: formatDate(request.createdAt) })}
                          </span>
                        </span>
                        <CustomerRequestStatusBadge status={request.status} />
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </Card>
          </>
        )}
      </Show>
    </div>
  );
}
