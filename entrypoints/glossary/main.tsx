import { render } from 'preact';
import '../../src/ui/card.css';
import { GlossaryPage } from '../../src/ui/glossary-page/GlossaryPage.tsx';
import '../../src/ui/glossary-page/glossary-page.css';

document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
document.documentElement.classList.add('theme');
render(<GlossaryPage />, document.getElementById('app')!);
