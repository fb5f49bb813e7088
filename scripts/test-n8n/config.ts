/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only test runner: runs in plain Node, never loaded by n8n, not published */
import { homedir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

/** The n8n release we prove the package in, and the Node major it needs (n8n 2.x: engines node >= 24). */
export const N8N_VERSION = '2.41.1';
export const NODE_MAJOR = '24';

/** Newer linkedom needs a package the registry here lacks; only the folder installing n8n carries this override. */
export const N8N_OVERRIDES = { linkedom: '0.18.13' };

/** The repository this script runs in (scripts/test-n8n → ../..). */
export const ROOT = join(__dirname, '..', '..');

/** Everything fetched or built lives here, outside tracked files; `N8N_SECOPS_CACHE` moves it. */
export const CACHE_DIR = process.env.N8N_SECOPS_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-secops');

/** Templates users import, and the runner's own fixtures (which prove the machinery while templates are missing). */
export const TEMPLATES_DIR = join(ROOT, 'workflows');
export const FIXTURES_DIR = join(__dirname, 'fixtures');
export const CHECKS_DIR = join(__dirname, 'checks');

/** Seconds the polling-trigger scenario waits for n8n's scheduler to fire. */
export const TRIGGER_FIRE_TIMEOUT_S = 90;
/** Poll every 10 s: six Poll Times entries, each a once-a-minute cron at its own second (n8n refuses sub-minute crons). */
export const TRIGGER_POLL_SECONDS = [0, 10, 20, 30, 40, 50];
