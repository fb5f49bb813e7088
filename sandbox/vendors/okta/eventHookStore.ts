/** Event hooks registered in the org (`/api/v1/eventHooks`). */
export interface EventHook {
	id: string;
	name: string;
	status: 'ACTIVE' | 'INACTIVE';
	verificationStatus: 'UNVERIFIED' | 'VERIFIED';
	created: string;
	lastUpdated: string;
	events: { type: 'EVENT_TYPE'; items: string[]; filter?: unknown };
	channel: {
		type: 'HTTP';
		version: '1.0.0';
		config: {
			uri: string;
			headers?: Array<{ key: string; value: string }>;
			authScheme?: { type: 'HEADER'; key: string; value?: string };
		};
	};
}

/** The shape Okta returns: the auth scheme's `value` is write-only. */
export function publicHook(hook: EventHook): EventHook {
	const authScheme = hook.channel.config.authScheme;
	return {
		...hook,
		channel: { ...hook.channel, config: { ...hook.channel.config, ...(authScheme ? { authScheme: { type: authScheme.type, key: authScheme.key } } : {}) } },
	};
}
