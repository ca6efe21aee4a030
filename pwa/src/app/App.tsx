import { lazy, Show, Suspense } from 'solid-js';
import { Provider } from '@urql/solid';
import { Route, Router, type RouteSectionProps } from '@solidjs/router';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import type { Role } from '../gql/graphql';
import { Loading } from '../ui/Loading';
import { ToastRegion } from '../ui/toast';
import { HomeRedirect } from './HomeRedirect';
import { NotFoundPage } from './NotFoundPage';
import { RoleArea } from './RoleArea';
import { apiClient } from './session';
import { UpdatePrompt } from './UpdatePrompt';

// Each role's screens are a separate chunk: a customer's phone never downloads the office tools.
const ClientHome = lazy(() => import('../features/client/ClientHome'));
const MyAppointmentsPage = lazy(() => import('../features/client/MyAppointmentsPage'));
const RequestsPage = lazy(() => import('../features/client/RequestsPage'));
const ClientBookingPage = lazy(() => import('../features/booking/ClientBookingPage'));
const PublicBookingPage = lazy(() => import('../features/booking/PublicBookingPage'));
const AssistantHome = lazy(() => import('../features/assistant/AssistantHome'));
const TechnicianShell = lazy(() => import('../features/technician/TechnicianShell'));
const TechnicianHome = lazy(() => import('../features/technician/TechnicianHome'));
const InterventionPage = lazy(() => import('../features/technician/InterventionPage'));
const OutboxPage = lazy(() => import('../features/technician/OutboxPage'));
const ManagerHome = lazy(() => import('../features/manager/ManagerHome'));
const PlanningPage = lazy(() => import('../features/planning/PlanningPage'));
const InboxPage = lazy(() => import('../features/inbox/InboxPage'));
const TicketPage = lazy(() => import('../features/inbox/TicketPage'));
const CustomerPage = lazy(() => import('../features/assistant/CustomerPage'));
const CallLogPage = lazy(() => import('../features/calls/CallLogPage'));

function Shell(props: RouteSectionProps) {
  return (
    <>
      {/* Screens remount with each session's client, so nothing cached crosses a sign-out. */}
      <Show when={apiClient()} keyed>
        {(client) => (
          <Provider value={client}>
            <Suspense fallback={<Loading />}>{props.children}</Suspense>
          </Provider>
        )}
      </Show>
      <UpdatePrompt />
      <ToastRegion />
    </>
  );
}

/** Customers and technicians work on phones; the office on wide screens. */
function roleArea(role: Role, width: 'phone' | 'wide') {
  return (props: RouteSectionProps) => (
    <RoleArea role={role} width={width}>
      {props.children}
    </RoleArea>
  );
}

/** The office's shared screens, in the assistant's and the manager's areas alike. */
function OfficeRoutes() {
  return (
    <>
      <Route path="/inbox" component={InboxPage} />
      <Route path="/tickets/:id" component={TicketPage} />
      <Route path="/customers/:id" component={CustomerPage} />
      <Route path="/calls" component={CallLogPage} />
    </>
  );
}

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={HomeRedirect} />
      <Route path="/login" component={LoginPage} />
      <Route path="/signup" component={SignUpPage} />
      <Route path="/forgot-password" component={ForgotPasswordPage} />
      <Route path="/reset-password" component={ResetPasswordPage} />
      <Route path="/book" component={PublicBookingPage} />
      <Route path="/client" component={roleArea('CLIENT', 'phone')}>
        <Route path="/" component={ClientHome} />
        <Route path="/book" component={ClientBookingPage} />
        <Route path="/appointments" component={MyAppointmentsPage} />
        <Route path="/requests" component={RequestsPage} />
      </Route>
      <Route path="/assistant" component={roleArea('ASSISTANT', 'wide')}>
        <Route path="/" component={AssistantHome} />
        <Route path="/planning" component={PlanningPage} />
        <OfficeRoutes />
      </Route>
      <Route path="/technician" component={roleArea('TECHNICIAN', 'phone')}>
        <Route path="/" component={TechnicianShell}>
          <Route path="/" component={TechnicianHome} />
          <Route path="/appointments/:id" component={InterventionPage} />
          <Route path="/outbox" component={OutboxPage} />
        </Route>
      </Route>
      <Route path="/manager" component={roleArea('MANAGER', 'wide')}>
        <Route path="/" component={ManagerHome} />
        <Route path="/planning" component={PlanningPage} />
        <OfficeRoutes />
      </Route>
      <Route path="*" component={NotFoundPage} />
    </Router>
  );
}
