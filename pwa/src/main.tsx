import { render } from 'solid-js/web';
import { App } from './app/App';
import { startSession } from './app/session';
import './ui/tokens.css';
import './ui/base.css';

void startSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App />, root);
