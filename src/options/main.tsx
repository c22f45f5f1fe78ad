import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { App } from './App.tsx';
// One stylesheet (it @imports the shared theme): one render-blocking request.
import './options.css';

document.documentElement.lang = t('htmlLang');
document.title = t('options_title');
const root = document.getElementById('app');
if (root) render(<App />, root);
