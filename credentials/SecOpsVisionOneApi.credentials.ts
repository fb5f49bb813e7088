import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Trend Vision One API key (`Authorization: Bearer …`), for the regional API host or a custom base URL. */
export class SecOpsVisionOneApi implements ICredentialType {
	name = 'secOpsVisionOneApi';

	displayName = 'Trend Vision One (SecOps) API';

	icon = { light: 'file:../icons/visionone.svg', dark: 'file:../icons/visionone.dark.svg' } as const;

	documentationUrl = 'https://automation.trendmicro.com/xdr/Guides/First-steps-toward-using-the-APIs';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			// The option values are the regional API hosts (Trend's "Regional domains" page), so the base URL is the value.
			options: [
				{ name: 'Australia', value: 'https://api.au.xdr.trendmicro.com' },
				{ name: 'Custom Base URL', value: 'custom' },
				{ name: 'Germany (EU)', value: 'https://api.eu.xdr.trendmicro.com' },
				{ name: 'India', value: 'https://api.in.xdr.trendmicro.com' },
				{ name: 'Japan', value: 'https://api.xdr.trendmicro.co.jp' },
				{ name: 'Singapore', value: 'https://api.sg.xdr.trendmicro.com' },
				{ name: 'UAE (Middle East and Africa)', value: 'https://api.mea.xdr.trendmicro.com' },
				{ name: 'United Kingdom', value: 'https://api.uk.xdr.trendmicro.com' },
				{ name: 'United States', value: 'https://api.xdr.trendmicro.com' },
				{ name: 'US Government', value: 'https://api.usgov.xdr.trendmicro.com' },
			],
			default: 'https://api.xdr.trendmicro.com',
			description: 'The region your Vision One console runs in; pick Custom Base URL for a proxy or a test server',
		},
		{
			displayName: 'Base URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://vision-one-proxy.example.com',
			description: 'The API base URL without /v3.0',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created under Administration → API Keys. Its role needs Workbench (view, modify), Response Management and Suspicious Object Management for the operations you use.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.region === "custom" ? $credentials.url.replace(/\\/+$/, "") : $credentials.region}}',
			url: '/v3.0/healthcheck/connectivity',
		},
	};
}
