import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { registeredCredentials } from './package';

export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

/**
 * Stands in for n8n's CredentialsHelper: hands out decrypted test credentials and applies the credential type's
 * own `authenticate` (generic or function) and `preAuthentication` (token exchange), as n8n does. Values that
 * pre-authentication returns are written back, like n8n persists an expirable token into the credential.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(name: string): string[] {
		const extendsList = registeredCredentials().get(name)?.extends ?? [];
		return extendsList.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const auth = registeredCredentials().get(typeName)?.authenticate;
		if (!auth) return options;
		if (typeof auth === 'function') return await auth(credentials, options);
		const resolve = (value: string) =>
			workflow && node
				? (workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, value) as string)
				: value;
		for (const [outer, entries] of Object.entries(auth.properties) as Array<[string, Record<string, string>]>) {
			const target = ((options as unknown as Record<string, Record<string, unknown>>)[outer] ??= {});
			for (const [key, value] of Object.entries(entries)) target[key] = resolve(value);
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = registeredCredentials().get(typeName);
		if (!type?.preAuthentication) return undefined;
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable) return undefined;
		// n8n's credential test runs on a NoOp node with a `temp` parameter and always fetches a fresh token.
		const testingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] && !credentialsExpired && !testingCredentials) return undefined;
		const output = (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
		Object.assign(this.store[typeName], output);
		return output;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = registeredCredentials().get(typeName);
		return (await type?.preAuthentication?.call(helpers, credentials)) as ICredentialDataDecryptedObject | undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by the in-process engine');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.store[type];
		if (!credentials) throw new Error(`The test supplied no credentials of type ${type}`);
		return credentials;
	}

	async updateCredentials(_nodeCredentials: unknown, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.store[type] = data;
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return registeredCredentials().get(type)?.properties ?? [];
	}
}
