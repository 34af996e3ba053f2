import { render } from 'preact';
import { readParams, SaveQuote } from '../../components/SaveQuote';
import '../../components/style.css';

render(<SaveQuote params={readParams(location.search)} />, document.getElementById('app')!);
