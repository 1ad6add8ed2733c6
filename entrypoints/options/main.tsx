import { render } from 'preact';
import '../../src/ui/card.css';
import { Options } from '../../src/ui/options/Options.tsx';
import '../../src/ui/options/options.css';

document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
document.documentElement.classList.add('theme');
render(<Options />, document.getElementById('app')!);
