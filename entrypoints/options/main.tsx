import '../../components/style.css';
