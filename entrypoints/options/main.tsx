import { render } from 'preact';
import { LibraryApp } from '../../components/library/LibraryApp';
import '../../components/style.css';

// the extension's options page: settings and data, the same as in the library
render(<LibraryApp only={['settings', 'data']} />, document.getElementById('app')!);
