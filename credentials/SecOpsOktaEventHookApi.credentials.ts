import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret of an Okta event hook. Okta signs nothing: it sends this static header with every delivery, so
 * the value is a credential (encrypted, never in node parameters, exports or errors) rather than a parameter.
 * Nothing at Okta can test it; the trigger's credential test checks it is usable (see `testedBy` there).
 */
export class SecOpsOktaEventHookApi implements ICredentialType {
	name = 'secOpsOktaEventHookApi';

	displayName = 'Okta (SecOps) Event Hook Secret API';

	icon = { light: 'file:../icons/okta.svg', dark: 'file:../icons/okta.dark.svg' } as const;

	documentationUrl = 'https://developer.okta.com/docs/concepts/event-hooks/';

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'Authorization',
			required: true,
			description: 'The header Okta sends the secret in (the event hook’s authentication field)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random value (at least 16 characters, 32 or more is better). Okta sends it in that header with every delivery; deliveries without it are refused.',
		},
	];
}
