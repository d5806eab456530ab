import './zodConfig.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';
import './styles/phasePanels.css';
import './styles/strategy.css';
import './styles/aiPanel.css';
import './styles/async.css';
import './styles/workshop.css';
import './styles/phone.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
