import { render } from 'preact';
import '../../src/ui/card.css';
import { Popup } from '../../src/ui/popup/Popup.tsx';
import '../../src/ui/popup/popup.css';
import { targetTabId } from '../../src/ui/tab-client.ts';

document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
document.documentElement.classList.add('theme');
const initialQuery = new URLSearchParams(location.search).get('q') ?? '';
void targetTabId().then((tabId) =>
  render(<Popup tabId={tabId} initialQuery={initialQuery} />, document.getElementById('app')!),
);
