/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test setup runs in plain Node */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

// n8n-core writes its instance settings (with a generated encryption key) into the user folder on import:
// point it at a throwaway directory instead of ~/.n8n.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'secops-n8n-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
