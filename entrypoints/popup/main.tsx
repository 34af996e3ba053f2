import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/style.css';

render(<App />, document.getElementById('app')!);
