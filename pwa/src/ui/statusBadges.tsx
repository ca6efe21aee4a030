import type {
  AppointmentStatus,
  ContractStatus,
  CustomerRequestStatus,
  InvoiceStatus,
  QuoteStatus,
  TicketPriority,
  TicketStatus,
} from '../gql/graphql';
import { t } from '../i18n';
import { Badge, type Tone } from './Badge';

// One place decides the colour of each status, so a status looks the same on every screen.

const appointmentTones: Record<AppointmentStatus, Tone> = {
  REQUESTED: 'warning',
  CONFIRMED: 'info',
  EN_ROUTE: 'success',
  ON_SITE: 'success',
  DONE: 'neutral',
  CANCELLED: 'neutral',
  NO_SHOW: 'danger',
};

const contractTones: Record<ContractStatus, Tone> = {
  ACTIVE: 'success',
  PENDING_RENEWAL: 'warning',
  EXPIRED: 'danger',
  CANCELLED: 'neutral',
};

const quoteTones: Record<QuoteStatus, Tone> = {
  DRAFT: 'neutral',
  SENT: 'warning',
  ACCEPTED: 'success',
  REFUSED: 'neutral',
  EXPIRED: 'neutral',
};

const invoiceTones: Record<InvoiceStatus, Tone> = {
  ISSUED: 'warning',
  PARTIALLY_PAID: 'warning',
  PAID: 'success',
  CANCELLED: 'neutral',
};

const ticketTones: Record<TicketStatus, Tone> = {
  NEW: 'info',
  OPEN: 'info',
  PENDING: 'warning',
  RESOLVED: 'success',
  CLOSED: 'neutral',
};

const requestTones: Record<CustomerRequestStatus, Tone> = {
  RECEIVED: 'info',
  IN_PROGRESS: 'warning',
  DONE: 'success',
};

const priorityTones: Record<TicketPriority, Tone> = {
  LOW: 'neutral',
  NORMAL: 'neutral',
  HIGH: 'warning',
  URGENT: 'danger',
};

export function AppointmentStatusBadge(props: { status: AppointmentStatus }) {
  return <Badge tone={appointmentTones[props.status]}>{t(`appointmentStatus.${props.status}`)}</Badge>;
}

export function ContractStatusBadge(props: { status: ContractStatus }) {
  return <Badge tone={contractTones[props.status]}>{t(`contractStatus.${props.status}`)}</Badge>;
}

export function QuoteStatusBadge(props: { status: QuoteStatus }) {
  return <Badge tone={quoteTones[props.status]}>{t(`quoteStatus.${props.status}`)}</Badge>;
}

export function InvoiceStatusBadge(props: { status: InvoiceStatus }) {
  return <Badge tone={invoiceTones[props.status]}>{t(`invoiceStatus.${props.status}`)}</Badge>;
}

export function TicketStatusBadge(props: { status: TicketStatus }) {
  return <Badge tone={ticketTones[props.status]}>{t(`ticketStatus.${props.status}`)}</Badge>;
}

export function TicketPriorityBadge(props: { priority: TicketPriority }) {
  return <Badge tone={priorityTones[props.priority]}>{t(`ticketPriority.${props.priority}`)}</Badge>;
}

/** A customer's request as they see it (the ticket behind it, in three steps). */
export function CustomerRequestStatusBadge(props: { status: CustomerRequestStatus }) {
  return <Badge tone={requestTones[props.status]}>{t(`requestStatus.${props.status}`)}</Badge>;
}
