import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialsDecrypted,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { Engine } from './engine';
import { baseNode, registeredCredentials, registeredNodes } from './package';

/** n8n's credential tests run on its NoOp node type; the credentials helper recognises a test by this type. */
const NO_OP = 'n8n-nodes-base.noOp';

/**
 * n8n's "Test" button (CredentialsTester.testCredentials in n8n's CLI), for our credential types: the type's
 * `test.request` becomes the routing of a NoOp node's only parameter, n8n-core's RoutingNode resolves it (baseURL and
 * url expressions see `$credentials`) and sends it through httpRequestWithAuthentication, so the harness's credentials
 * helper applies `preAuthentication` and `authenticate` as n8n's does. A type without `test` is tested by the
 * function a node names in `testedBy`. Errors are turned into the result n8n shows, never thrown.
 */
export async function testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const credentialType = registeredCredentials().get(type);
	if (!credentialType) throw new Error(`Credential type ${type} is not registered in package.json`);
	const credentials: ICredentialsDecrypted = { id: `test-${type}`, name: `${type} (test)`, type, data: structuredClone(data) };
	const engine = new Engine({ [type]: credentials.data as ICredentialDataDecryptedObject });
	if (!credentialType.test) return await testedByNode(engine, type, credentials);
	return await testRequest(engine, type, credentialType.test, credentials);
}

async function testRequest(
	engine: Engine,
	type: string,
	test: ICredentialTestRequest,
	credentials: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const noOp = baseNode(NO_OP) as INodeType;
	const nodeType: INodeType = {
		description: {
			...noOp.description,
			name: NO_OP,
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
	const version = nodeType.description.version;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: NO_OP,
		typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
		position: [0, 0],
		credentials: { [type]: { id: credentials.id, name: credentials.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const inputData = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		engine.additionalData(),
		'internal',
		createRunExecutionData({ resultData: { runData: {} } }),
		0,
		[],
		inputData,
		executeData,
		[],
	);
	let response: Awaited<ReturnType<RoutingNode['runNode']>>;
	try {
		response = await new RoutingNode(context, nodeType, credentials).runNode();
	} catch (error) {
		return failure(error as TestError, test);
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], response?.[0]?.[0]?.json);
		if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

type TestError = Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } };

/** As n8n: the test request's `responseCode` rules first, then any non-2xx status, a network code, or the message. */
function failure(error: TestError, test: ICredentialTestRequest): INodeCredentialTestResult {
	const response = error.cause?.response;
	if (response) {
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status) return { status: 'Error', message: rule.properties.message };
		}
		if (response.status < 199 || response.status > 299) {
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return { status: 'Error', message: String(error.message) };
}

/** A credential without `test`: n8n calls `methods.credentialTest[testedBy]` of a node that declares it. */
async function testedByNode(engine: Engine, type: string, credentials: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	for (const node of registeredNodes().values() as Iterable<INodeType>) {
		const testedBy = node.description.credentials?.find((c) => c.name === type)?.testedBy;
		const test = typeof testedBy === 'string' ? node.methods?.credentialTest?.[testedBy] : undefined;
		if (test) return await test.call(new CredentialTestContext(engine.additionalData()), credentials);
	}
	return { status: 'Error', message: 'No testing function found for this credential.' };
}
