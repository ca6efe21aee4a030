import { createSignal, For, Show } from 'solid-js';
import { trackUnsavedWork } from '../../app/unsavedWork';
import type { SiteInput, SiteSummaryFragment } from '../../gql/graphql';
import { t } from '../../i18n';
import { formatAddress } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { formValues } from '../auth/authForms';
import './booking.css';

const siteFields = ['label', 'street', 'postalCode', 'city', 'accessNotes'] as const;
type SiteField = (typeof siteFields)[number];

function checkSite(values: Record<SiteField, string>): Partial<Record<SiteField, string>> {
  const errors: Partial<Record<SiteField, string>> = {};
  for (const field of ['street', 'postalCode', 'city'] as const) if (!values[field]) errors[field] = t('form.required');
  if (values.postalCode && !/^\d{5}$/.test(values.postalCode)) errors.postalCode = t('form.postalCodeInvalid');
  return errors;
}

/** A new address: street, postal code and city, with what the technician needs to get in. */
function NewSiteForm(props: { initial: SiteInput | undefined; onSubmit: (site: SiteInput) => void }) {
  const [errors, setErrors] = createSignal<Partial<Record<SiteField, string>>>({});
  const unsaved = trackUnsavedWork();
  const handleSubmit = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, [...siteFields]);
    const found = checkSite(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    unsaved.saved();
    props.onSubmit({
      street: values.street,
      postalCode: values.postalCode,
      city: values.city,
      label: values.label || null,
      accessNotes: values.accessNotes || null,
    });
  };
  return (
    <form class="stack" novalidate onSubmit={handleSubmit} onInput={() => unsaved.changed()}>
      <TextField
        label={t('address.street')}
        name="street"
        autocomplete="street-address"
        required
        value={props.initial?.street ?? ''}
        error={errors().street}
      />
      <div class="address-city-line">
        <TextField
          label={t('form.postalCode')}
          name="postalCode"
          autocomplete="postal-code"
          inputmode="numeric"
          maxlength={5}
          required
          value={props.initial?.postalCode ?? ''}
          error={errors().postalCode}
        />
        <TextField
          label={t('address.city')}
          name="city"
          autocomplete="address-level2"
          required
          value={props.initial?.city ?? ''}
          error={errors().city}
        />
      </div>
      <TextField
        label={t('address.accessNotes')}
        name="accessNotes"
        hint={t('address.accessNotesHint')}
        value={props.initial?.accessNotes ?? ''}
      />
      <TextField label={t('address.label')} name="label" hint={t('address.labelHint')} value={props.initial?.label ?? ''} />
      <Button type="submit" size="lg" block>
        {t('booking.continue')}
      </Button>
    </form>
  );
}

/**
 * Step 2: where the technician goes. A signed-in customer picks one of their addresses
 * or adds one; a visitor types it (their account is created or opened before confirming).
 */
export function AddressStep(props: {
  /** The customer's addresses; undefined for a visitor. */
  sites: SiteSummaryFragment[] | undefined;
  selectedSiteId: string | undefined;
  /** The new address typed earlier, to edit. */
  initialSite: SiteInput | undefined;
  loginPath: string;
  onChooseSite: (site: SiteSummaryFragment) => void;
  onNewSite: (site: SiteInput) => void;
}) {
  const [addingSite, setAddingSite] = createSignal(Boolean(props.initialSite));
  const sites = () => props.sites ?? [];
  return (
    <div class="stack">
      <Show when={sites().length > 0}>
        <ul class="plain choice-list">
          <For each={sites()}>
            {(site) => (
              <li>
                <button
                  type="button"
                  class="choice"
                  aria-pressed={site.id === props.selectedSiteId}
                  onClick={() => props.onChooseSite(site)}
                >
                  <span class="choice-title">{site.label ?? formatAddress(site)}</span>
                  <Show when={site.label}>
                    <span class="choice-detail">{formatAddress(site)}</span>
                  </Show>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show
        when={sites().length === 0 || addingSite()}
        fallback={
          <Button variant="secondary" block onClick={() => setAddingSite(true)}>
            {t('address.another')}
          </Button>
        }
      >
        <Show when={sites().length > 0}>
          <h3 class="slot-day-heading">{t('address.another')}</h3>
        </Show>
        <Show when={!props.sites}>
          <p class="muted">
            {t('address.alreadyCustomer')} <a href={props.loginPath}>{t('address.signInForAddresses')}</a>
          </p>
        </Show>
        <NewSiteForm initial={props.initialSite} onSubmit={props.onNewSite} />
      </Show>
    </div>
  );
}
