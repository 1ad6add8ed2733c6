import { render } from 'preact';

function Popup() {
  return <h1>Lactation Glossary</h1>;
}

render(<Popup />, document.getElementById('app')!);
