import { render } from 'preact';
import '../../src/ui/card.css';
import { ArticlePage } from '../../src/ui/article-page/ArticlePage.tsx';
import '../../src/ui/article-page/article-page.css';

document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
document.documentElement.classList.add('theme');
render(<ArticlePage />, document.getElementById('app')!);
