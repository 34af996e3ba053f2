import { render } from 'preact';
import { LibraryApp } from '../../components/library/LibraryApp';
import '../../components/style.css';

render(<LibraryApp />, document.getElementById('app')!);
