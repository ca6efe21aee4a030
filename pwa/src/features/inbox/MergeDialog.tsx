import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { createSubmission } from '../../app/submission';
import { apiClient } from '../../app/session';
import { graphql } from '../../gql';
import type { MergeCandidateQuery } from '../../gql/graphql';
import { t } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TicketStatusBadge } from '../../ui/statusBadges';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast';
import { ticketPath } from './officePaths';

const MergeCandidateQuery = graphql(`
  query MergeCandidate($search: String!) {
    tickets(filter: { search: $search }, first: 1) {
      items {
        id
        number
        subject
        status
        customer {
          id
          name
        }
        mergedInto {
          id
        }
      }
    }
  }
`);

const MergeTicketsMutation = graphql(`
  mutation MergeTickets($sourceId: ID!, $targetId: ID!) {
    mergeTickets(sourceId: $sourceId, targetId: $targetId) {
      __typename
      ... on MutationMergeTicketsSuccess {
        data {
          id
          number
        }
      }
      ...ErrorFields
    }
  }
`);

type Candidate = MergeCandidateQuery['tickets']['items'][number];

const lookupDelayMs = 300;

/**
 * Merges this ticket (a duplicate) into another one, found by its number: this one is
 * closed and its timeline, calls and e-mails move to the other, which then opens.
 */
export function MergeDialog(props: { open: boolean; ticketId: string; ticketNumber: number; onClose: () => void }) {
  const navigate = useNavigate();
  const [number, setNumber] = createSignal('');
  const [candidate, setCandidate] = createSignal<Candidate>();
  const [lookupMessage, setLookupMessage] = createSignal<string>();
  const submission = createSubmission();

  let pendingLookup: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(pendingLookup));
  createEffect(
    on(number, (typed) => {
      clearTimeout(pendingLookup);
      setCandidate(undefined);
      setLookupMessage(undefined);
      const wanted = typed.replace(/\D/g, '');
      if (!wanted) return;
      pendingLookup = setTimeout(async () => {
        const response = await apiClient()
          .query(MergeCandidateQuery, { search: `#${wanted}` }, { requestPolicy: 'network-only' })
          .toPromise();
        if (number().replace(/\D/g, '') !== wanted) return;
        const found = response.data?.tickets.items[0];
        if (!found) setLookupMessage(response.error ? t('errors.network') : t('merge.notFound', { number: wanted }));
        else if (found.id === props.ticketId) setLookupMessage(t('merge.sameTicket'));
        else if (found.mergedInto) setLookupMessage(t('merge.alreadyMerged', { number: wanted }));
        else setCandidate(found);
      }, lookupDelayMs);
    }),
  );

  const close = () => {
    setNumber('');
    submission.clear();
    props.onClose();
  };

  const merge = async () => {
    const target = candidate();
    if (!target) return;
    const variables = { sourceId: props.ticketId, targetId: target.id };
    const merged = await submission.submit(
      () => apiClient().mutation(MergeTicketsMutation, variables).toPromise(),
      (data) => data.mergeTickets,
    );
    if (!merged) return;
    showToast({ message: () => t('merge.done', { source: props.ticketNumber, target: merged.data.number }), tone: 'success' });
    close();
    navigate(ticketPath(merged.data.id));
  };

  return (
    <Dialog
      open={props.open}
      title={t('merge.title', { number: props.ticketNumber })}
      onClose={close}
      actions={
        <>
          <Button variant="secondary" onClick={close}>
            {t('merge.cancel')}
          </Button>
          <Button onClick={merge} busy={submission.pending()} disabled={!candidate()}>
            {candidate() ? t('merge.confirm', { number: candidate()?.number ?? '' }) : t('merge.confirmDisabled')}
          </Button>
        </>
      }
    >
      <div class="stack">
        <p>{t('merge.explain', { number: props.ticketNumber })}</p>
        <TextField
          label={t('merge.targetNumber')}
          name="targetNumber"
          inputmode="numeric"
          autocomplete="off"
          required
          value={number()}
          onInput={(event) => setNumber(event.currentTarget.value)}
        />
        <div aria-live="polite">
          <Show when={candidate()} fallback={<Show when={lookupMessage()}>{(message) => <p class="muted">{message()}</p>}</Show>}>
            {(found) => (
              <div class="merge-candidate">
                <p>
                  <strong>
                    #{found().number} · {found().subject}
                  </strong>
                </p>
                <p class="cluster small">
                  <span>{found().customer?.name ?? t('inbox.noCustomer')}</span>
                  <TicketStatusBadge status={found().status} />
                </p>
              </div>
            )}
          </Show>
        </div>
        <ErrorAlert message={submission.message()} />
      </div>
    </Dialog>
  );
}
