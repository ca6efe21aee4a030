import { t } from '../../i18n';
import { formatAppointmentWhen } from '../../i18n/format';
import type { Conflict } from '../../offline/db';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useOffline } from './offlineContext';

function conflictMessage(conflict: Conflict): string {
  switch (conflict.kind) {
    case 'moved':
      return t('conflict.moved', {
        when: conflict.startsAt && conflict.endsAt ? formatAppointmentWhen({ startsAt: conflict.startsAt, endsAt: conflict.endsAt }) : '',
      });
    case 'cancelled':
      return t('conflict.cancelled');
    case 'withdrawn':
      return t('conflict.withdrawn');
    case 'reportKept':
      return t('conflict.reportKept');
  }
}

/** What the office changed and which side the rule kept, until the technician says they read it. */
export function ConflictNotice(props: { conflict: Conflict; title: string }) {
  const { db } = useOffline();
  return (
    <Alert tone="warning" title={props.title}>
      <p data-testid="conflict" data-kind={props.conflict.kind}>
        {conflictMessage(props.conflict)}
      </p>
      <Button variant="secondary" onClick={() => void db.conflicts.delete(props.conflict.id)}>
        {t('technician.conflictSeen')}
      </Button>
    </Alert>
  );
}
