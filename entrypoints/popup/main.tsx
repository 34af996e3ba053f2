import { render } from 'preact';
import { App } from '../../components/App';
import { getDb } from '../../components/data';
import '../../components/style.css';

performance.mark('qm-script');
// open the database while the first render runs: the first view's query needs it
void getDb()
  .open()
  .then(() => performance.mark('qm-db-open'))
  .catch(() => {
    /* the view's own query reports the error */
  });
// opened as a tab (tests, "open in a tab") rather than as the toolbar popup: centre the column
if (window.innerWidth > 600) document.body.classList.add('qm-in-tab');
render(<App />, document.getElementById('app')!);
