/** Starts the dashboard: reads /config.json (the deployment's settings), then renders the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { type AppConfig, DEFAULT_CONFIG, parseConfig } from './app/config';
import { browserEnvironment } from './auth/AuthProvider';
import './styles.css';

async function loadConfig(): Promise<AppConfig> {
  const res = await fetch('/config.json', { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (res.status === 404) return DEFAULT_CONFIG;
  if (!res.ok) throw new Error(`config.json answered ${res.status}`);
  return parseConfig(await res.json());
}

const root = createRoot(document.getElementById('root') as HTMLElement);
loadConfig().then(
  (config) => root.render(<App config={config} env={browserEnvironment()} />),
  (error: unknown) =>
    root.render(
      <main className="centered">
        <h1>Caseflow could not start</h1>
        <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    ),
);
