import { createEffect, createSignal } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { dismissToast, showToast } from '../ui/toast';
import { hasUnsavedWork } from './unsavedWork';

const updateCheckIntervalMs = 60 * 60 * 1000;

/**
 * Offers a new version of the app when one is waiting. Nothing reloads until the
 * person asks for it, and they are warned first if a form holds unsaved input.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_scriptUrl, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update();
      }, updateCheckIntervalMs);
    },
  });
  const [confirming, setConfirming] = createSignal(false);
  let toastId: number | undefined;

  const applyUpdate = () => {
    setConfirming(false);
    void updateServiceWorker(true);
  };

  const requestUpdate = () => {
    if (hasUnsavedWork()) setConfirming(true);
    else applyUpdate();
  };

  createEffect(() => {
    if (!needRefresh() || toastId !== undefined) return;
    toastId = showToast({
      message: () => t('update.available'),
      action: { label: () => t('update.apply'), run: requestUpdate },
      durationMs: null,
    });
  });

  return (
    <Dialog
      open={confirming()}
      title={t('update.unsavedTitle')}
      onClose={() => setConfirming(false)}
      actions={
        <>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('update.later')}
          </Button>
          <Button
            onClick={() => {
              if (toastId !== undefined) dismissToast(toastId);
              applyUpdate();
            }}
          >
            {t('update.applyAnyway')}
          </Button>
        </>
      }
    >
      <p>{t('update.unsavedBody')}</p>
    </Dialog>
  );
}
