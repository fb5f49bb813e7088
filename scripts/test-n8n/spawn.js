'use strict';
// The one place the runner starts OS processes (n8n, npm, node-gyp). Plain JS because the community-node lint
// rightly bans child_process in TypeScript sources; this dev-only runner is never loaded by n8n nor published.
const { spawn } = require('node:child_process');

/** Starts `command` in its own process group, so the whole group (n8n and its task runners) can be stopped. */
function spawnGroup(command, args, options) {
	return spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

module.exports = { spawnGroup };
