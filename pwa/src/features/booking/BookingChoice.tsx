import { t } from '../../i18n';
import './booking.css';

/** One choice already made in the booking flow, with the way back to change it. */
export function BookingChoice(props: { label: string; value: string; onChange: () => void; emphasis?: boolean }) {
  return (
    <div class="booking-choice">
      <span class="booking-choice-label">{props.label}</span>
      <span class={props.emphasis ? 'booking-choice-value booking-choice-value-strong' : 'booking-choice-value'}>{props.value}</span>
      <button
        type="button"
        class="link-button"
        onClick={() => props.onChange()}
        aria-label={t('booking.changeChoice', { choice: props.label })}
      >
        {t('booking.change')}
      </button>
    </div>
  );
}
