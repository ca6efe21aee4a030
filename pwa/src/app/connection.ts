// What the app knows about its link to the server: the browser's network flag and
// the state of the GraphQL WebSocket. Lists show it as "à jour" / "hors ligne".
import { createSignal } from 'solid-js';

export type SocketState = 'idle' | 'connecting' | 'connected' | 'closed';

const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine);
const [socketState, setSocketState] = createSignal<SocketState>('idle');
const [reconnections, setReconnections] = createSignal(0);

/** Counts the moments the server became reachable again; live data refetches on each. */
function noteReconnection(): void {
  setReconnections((count) => count + 1);
}

window.addEventListener('online', () => {
  setBrowserOnline(true);
  noteReconnection();
});
window.addEventListener('offline', () => setBrowserOnline(false));

export { browserOnline, socketState, reconnections };

export type LinkState = 'live' | 'connecting' | 'offline';

/** "live" needs both the network and, when a socket is in use, a connected socket. */
export function linkState(): LinkState {
  if (!browserOnline()) return 'offline';
  const socket = socketState();
  if (socket === 'connecting') return 'connecting';
  if (socket === 'closed') return 'offline';
  return 'live';
}

let socketWasConnected = false;

/** Called by the WebSocket client's lifecycle events. */
export const socketEvents = {
  connecting(): void {
    setSocketState('connecting');
  },
  connected(): void {
    setSocketState('connected');
    if (socketWasConnected) noteReconnection();
    socketWasConnected = true;
  },
  closed(): void {
    setSocketState('closed');
  },
  /** The socket was shut on purpose (sign-out, or no screen subscribes any more): nothing to reconnect. */
  disposed(): void {
    socketWasConnected = false;
    setSocketState('idle');
  },
};
