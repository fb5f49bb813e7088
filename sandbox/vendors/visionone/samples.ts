import type { Alert } from './state';

const HOUR = 3_600_000;

function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function id(at: number, n: number): string {
	return `WB-9002-${iso(at).slice(0, 10).replace(/-/g, '')}-${String(n).padStart(5, '0')}`;
}

/** An SAE alert shaped like Trend's documented sample (schema 1.12): a host and a `domain\user` account. */
function saeAlert(at: number, n: number, model: string, severity: Alert['severity'], account: string, host: string, ip: string): Alert {
	return {
		schemaVersion: '1.12',
		id: id(at, n),
		investigationStatus: 'New',
		status: 'Open',
		investigationResult: 'No Findings',
		workbenchLink: `https://portal.xdr.trendmicro.com/index.html#/workbench/alerts/${id(at, n)}?from=sandbox`,
		alertProvider: 'SAE',
		modelId: `modelid-${model.toLowerCase().replace(/[^a-z]+/g, '-').slice(0, 24)}`,
		model,
		modelType: 'preset',
		score: severity === 'critical' ? 90 : severity === 'high' ? 64 : severity === 'medium' ? 40 : 20,
		severity,
		createdDateTime: iso(at),
		updatedDateTime: iso(at + 60_000),
		ownerIds: [],
		impactScope: {
			desktopCount: 1,
			serverCount: 0,
			accountCount: 1,
			emailAddressCount: 0,
			containerCount: 0,
			cloudIdentityCount: 0,
			entities: [
				{ entityType: 'account', entityValue: account, entityId: account, relatedEntities: [`35fa11da-a24e-40cf-8b56-baf8828cc15e-${n}`], relatedIndicatorIds: [], provenance: ['Alert'] },
				{
					entityType: 'host',
					entityValue: { guid: `35fa11da-a24e-40cf-8b56-baf8828cc15e-${n}`, name: host, ips: [ip] },
					entityId: `35fa11da-a24e-40cf-8b56-baf8828cc15e-${n}`,
					relatedEntities: [account],
					relatedIndicatorIds: [1],
					provenance: ['Alert'],
				},
			],
		},
		description: `${model} detected on ${host}`,
		matchedRules: [
			{
				id: '5f52d1f1-53e7-411a-b74f-745ee81fa30b',
				name: model,
				matchedFilters: [
					{
						id: 'ccf86fc1-688f-4131-a46f-1d7a6ee2f88e',
						name: 'Potential Credential Dumping via Registry',
						matchedDateTime: iso(at - 60_000),
						mitreTechniqueIds: ['V9.T1003.004', 'V9.T1003.002'],
						matchedEvents: [{ uuid: `fff6c8e4-87b0-4e10-9c10-${String(n).padStart(12, '0')}`, matchedDateTime: iso(at - 60_000), type: 'TELEMETRY_PROCESS' }],
					},
				],
			},
		],
		indicators: [
			{ id: 1, type: 'command_line', field: 'processCmd', value: 'reg save hklm\\sam C:\\Users\\Public\\sam.save', relatedEntities: [`35fa11da-a24e-40cf-8b56-baf8828cc15e-${n}`], filterIds: ['ccf86fc1-688f-4131-a46f-1d7a6ee2f88e'], provenance: ['Alert'] },
			{ id: 2, type: 'ip', field: 'endpointIp', value: ip, relatedEntities: [], filterIds: [], provenance: ['Alert'] },
		],
	};
}

/** A Threat Intelligence sweeping alert (shaped like pytmv1's `TiAlert`). */
function tiAlert(at: number, n: number): Alert {
	return {
		schemaVersion: '1.12',
		id: id(at, n),
		investigationStatus: 'New',
		status: 'Open',
		investigationResult: 'No Findings',
		workbenchLink: `https://portal.xdr.trendmicro.com/index.html#/workbench/alerts/${id(at, n)}?from=sandbox`,
		alertProvider: 'TI',
		modelId: '00000000-0000-0000-0000-00000000ti01',
		model: 'Threat Intelligence Sweeping',
		modelType: 'preset',
		score: 42,
		severity: 'medium',
		createdDateTime: iso(at),
		updatedDateTime: iso(at),
		ownerIds: [],
		campaign: 'Emotet resurgence',
		industry: 'Finance',
		regionAndCountry: 'Europe',
		createdBy: 'Trend Micro',
		totalIndicatorCount: 2,
		matchedIndicatorCount: 1,
		reportLink: 'https://www.trendmicro.com/en_us/research/sandbox-emotet.html',
		impactScope: {
			desktopCount: 1,
			serverCount: 0,
			accountCount: 0,
			emailAddressCount: 1,
			containerCount: 0,
			cloudIdentityCount: 0,
			entities: [
				{ entityType: 'emailAddress', entityValue: 'bob.anders@acme.example', entityId: 'bob.anders@acme.example', relatedEntities: [], relatedIndicatorIds: [1], provenance: ['Sweeping'] },
				{ entityType: 'host', entityValue: { guid: `c1fa11da-a24e-40cf-8b56-baf8828cc15e-${n}`, name: 'FIN-LAPTOP-07', ips: ['10.10.7.21'] }, entityId: `c1fa11da-a24e-40cf-8b56-baf8828cc15e-${n}`, relatedEntities: [], relatedIndicatorIds: [1], provenance: ['Sweeping'] },
			],
		},
		matchedIndicatorPatterns: [{ id: 'indicator--c7f3b9e3', pattern: "[domain-name:value = 'evil-c2.example']", tags: ['emotet'], matchedLogs: [] }],
		indicators: [
			{ id: 1, type: 'domain', field: 'request', value: 'evil-c2.example', relatedEntities: [], filterIds: [], provenance: ['Sweeping'] },
		],
	};
}

const MODELS: Array<[string, Alert['severity']]> = [
	['Credential Dumping via Registry', 'critical'],
	['Suspicious PowerShell Execution', 'high'],
	['Possible Ransomware Activity', 'critical'],
	['Unusual Remote Desktop Logon', 'medium'],
	['Brute Force Logon Attempts', 'low'],
];

/**
 * Twelve alerts over the last two days: SAE alerts naming `domain\user` and UPN accounts, and a TI sweeping alert.
 * The first two are Trend's documented pair (accounts `shockwave\sam`), the rest exercise paging and filters.
 */
export function seedAlerts(now: number): Alert[] {
	const alerts: Alert[] = [];
	for (let i = 0; i < 11; i++) {
		const at = now - (48 - i * 4) * HOUR;
		const [model, severity] = MODELS[i % MODELS.length];
		const account = i < 2 ? 'shockwave\\sam' : i % 2 === 0 ? 'sam@shockwave.example' : 'corp\\svc-backup';
		alerts.push(saeAlert(at, 22 + i, model, severity, account, i < 2 ? 'nimda' : `HOST-${String(i).padStart(2, '0')}`, `10.10.${i}.${10 + i}`));
	}
	alerts.push(tiAlert(now - 2 * HOUR, 40));
	return alerts;
}
