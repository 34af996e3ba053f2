import { render } from 'preact';

performance.mark('qm-script');
import { App } from '../../components/App';
import '../../components/style.css';

// opened as a tab (tests, "open in a tab") rather than as the toolbar popup: centre the column
if (window.innerWidth > 600) document.body.classList.add('qm-in-tab');
render(<App />, document.getElementById('app')!);
