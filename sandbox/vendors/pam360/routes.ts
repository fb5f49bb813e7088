import { randomBytes } from 'node:crypto';

import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { callerOf } from './auth';
import type { Caller } from './auth';
import { failed, success } from './envelope';
import { detailsOf } from './inputData';
import { RESOURCE_TYPES, findResource, visibleResources } from './state';
import type { AuditEntry, Pam360Account, Pam360Resource, Pam360State } from './state';

const BASE = '/restapi/json/v1';

type Details = Record<string, unknown>;
type Handler = (state: Pam360State, req: SandboxRequest, details: Details, caller: Caller) => SandboxResponse;

/**
 * `INPUT_DATA` from the query (GET) or the form body (POST/PUT), whatever the Content-Type says
 * (`application/x-www-form-urlencoded` or `text/json`); a bare JSON body is read as INPUT_DATA too.
 */
function inputDataText(req: SandboxRequest): string | null {
	const fromBody = req.bodyText.trim().startsWith('{') ? req.bodyText : new URLSearchParams(req.bodyText).get('INPUT_DATA');
	return fromBody ?? req.query.get('INPUT_DATA');
}

function route(method: string, path: string, name: string, handle: Handler): Route<Pam360State> {
	return {
		method,
		path: `${BASE}${path}`,
		handle(state, req) {
			let details: Details;
			try {
				details = detailsOf(inputDataText(req));
			} catch (error) {
				return failed(name, (error as Error).message);
			}
			return handle(state, req, details, callerOf(req));
		},
	};
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value)).trim();
const flag = (value: boolean): string => (value ? 'true' : 'false');
const stamp = (ms: number | undefined): string => (ms === undefined ? 'N/A' : new Date(ms).toISOString());

function generatedPassword(): string {
	return `${randomBytes(9).toString('base64url')}#9a`;
}

function audit(state: Pam360State, caller: Caller, entry: Omit<AuditEntry, 'at' | 'actor'>): void {
	state.audit.push({ at: state.clock.iso(), actor: caller.actor, ...entry });
}

/** `STARTINDEX` / `LIMIT` of a list call (LIMIT absent = everything). */
function page<T>(items: T[], details: Details): T[] {
	const start = Math.max(0, Number(text(details.STARTINDEX) || 0) || 0);
	const limit = text(details.LIMIT);
	return limit === '' ? items.slice(start) : items.slice(start, start + Math.max(0, Number(limit) || 0));
}

const RESOURCE_COLUMNS: Record<string, (r: Pam360Resource) => string[]> = {
	RESOURCENAME: (r) => [r.name],
	RESOURCE_TYPE: (r) => [r.type],
	RESOURCEDESC: (r) => [r.description],
	IPADDRESS: (r) => [r.dnsName],
	DNSNAME: (r) => [r.dnsName],
	LOGINNAME: (r) => r.accounts.map((a) => a.name),
};
RESOURCE_COLUMNS.ALL = (r) => Object.entries(RESOURCE_COLUMNS).filter(([k]) => k !== 'ALL').flatMap(([, values]) => values(r));

function resourceRow(r: Pam360Resource) {
	return {
		'RESOURCE ID': r.id,
		'RESOURCE NAME': r.name,
		'RESOURCE TYPE': r.type,
		'RESOURCE DESCRIPTION': r.description,
		NOOFACCOUNTS: String(r.accounts.length),
	};
}

function accountRow(a: Pam360Account) {
	return {
		'ACCOUNT ID': a.id,
		'ACCOUNT NAME': a.name,
		PASSWDID: a.id,
		'PASSWORD STATUS': '****',
		'ACCOUNT PASSWORD POLICY': a.policy,
		ISFAVPASS: 'false',
		ISREASONREQUIRED: flag(a.reasonRequired),
		IS_TICKETID_REQD: flag(a.ticketRequired),
		IS_TICKETID_REQD_MANDATORY: flag(a.ticketRequired),
		IS_TICKETID_REQD_ACW: 'false',
		AUTOLOGONLIST: [],
	};
}

/** Reason and ticket ID demanded by the account's settings, before a password is shown or changed. */
function accessRefusal(account: Pam360Account, details: Details, action: string): string | undefined {
	if (account.reasonRequired && text(details.REASON) === '') return `Reason is mandatory to ${action} the password of account ${account.name}`;
	if (account.ticketRequired && text(details.TICKETID) === '') return `Ticket ID is mandatory to ${action} the password of account ${account.name}`;
	return undefined;
}

function lookup(state: Pam360State, req: SandboxRequest, caller: Caller) {
	const resource = findResource(state, caller.user, req.params.resourceId);
	const account = resource?.accounts.find((a) => a.id === req.params.accountId);
	return { resource, account };
}

function missing(name: string, req: SandboxRequest, resource: Pam360Resource | undefined): SandboxResponse {
	return resource
		? failed(name, `Account with ID ${req.params.accountId} does not exist in resource ${resource.name}`)
		: failed(name, `Resource with ID ${req.params.resourceId} does not exist or is not shared with you`);
}

function applyResourceFields(resource: Pam360Resource, d: Details): void {
	const set = (key: string, apply: (value: string) => void) => {
		if (d[key] !== undefined && text(d[key]) !== '') apply(text(d[key]));
	};
	set('RESOURCENAME', (v) => (resource.name = v));
	set('RESOURCETYPE', (v) => (resource.type = v));
	set('RESOURCEDESCRIPTION', (v) => (resource.description = v));
	set('RESOURCEURL', (v) => (resource.url = v));
	set('LOCATION', (v) => (resource.location = v));
	set('DNSNAME', (v) => (resource.dnsName = v));
	set('DEPARTMENT', (v) => (resource.department = v));
	set('DOMAINNAME', (v) => (resource.domainName = v));
	set('RESOURCEGROUPNAME', (v) => (resource.groupName = v));
	set('RESOURCEPASSWORDPOLICY', (v) => (resource.policy = v));
	set('OWNERNAME', (v) => (resource.owner = v));
}

function newAccount(state: Pam360State, d: Details, owner: string): Pam360Account {
	const password = text(d.PASSWORD) || generatedPassword();
	return {
		id: String(state.nextAccountId++),
		name: text(d.ACCOUNTNAME),
		password,
		targetPassword: password,
		notes: text(d.NOTES),
		description: text(d.DESCRIPTION),
		policy: text(d.ACCOUNTPASSWORDPOLICY) || 'Strong',
		owner,
		reasonRequired: false,
		ticketRequired: false,
		lastModified: state.clock.now(),
	};
}

export const pam360Routes: Route<Pam360State>[] = [
	route('GET', '/resources/resourcetypes', 'GET RESOURCE TYPES', () =>
		success('GET RESOURCE TYPES', 'Resource types fetched successfully', {
			Details: RESOURCE_TYPES.map((name, i) => ({ RESOURCETYPEID: String(i + 1), RESOURCETYPENAME: name })),
		}),
	),
	route('GET', '/resources/getResourceIdAccountId', 'GET_RESOURCEACCOUNTID', (state, req, _d, caller) => {
		const name = 'GET_RESOURCEACCOUNTID';
		const resourceName = text(req.query.get('RESOURCENAME'));
		const accountName = text(req.query.get('ACCOUNTNAME'));
		if (!resourceName || !accountName) return failed(name, 'RESOURCENAME and ACCOUNTNAME are required');
		const resource = visibleResources(state, caller.user).find((r) => r.name.toLowerCase() === resourceName.toLowerCase());
		if (!resource) return failed(name, `Resource ${resourceName} does not exist or is not shared with you`);
		const account = resource.accounts.find((a) => a.name.toLowerCase() === accountName.toLowerCase());
		if (!account) return failed(name, `Account ${accountName} does not exist in resource ${resource.name}`);
		return success(name, 'Resource ID and account ID fetched successfully', { Details: { RESOURCEID: resource.id, ACCOUNTID: account.id } });
	}),
	route('GET', '/resources/resourcename/:resourceName', 'GET RESOURCEID', (state, req, _d, caller) => {
		const resource = visibleResources(state, caller.user).find((r) => r.name.toLowerCase() === req.params.resourceName.toLowerCase());
		if (!resource) return failed('GET RESOURCEID', `Resource ${req.params.resourceName} does not exist or is not shared with you`);
		return success('GET RESOURCEID', 'Resource ID fetched successfully', { Details: { RESOURCEID: resource.id } });
	}),
	route('GET', '/resources', 'GET RESOURCES', (state, _req, d, caller) => {
		const column = text(d.SEARCHCOLUMN).toUpperCase() || 'ALL';
		const value = text(d.SEARCHVALUE).toLowerCase();
		const viewType = text(d.VIEWTYPE).toUpperCase() || 'ALLMYPASSWORD';
		if (viewType !== 'ALLMYPASSWORD') return failed('GET RESOURCES', `VIEWTYPE ${viewType} is not supported by this server`);
		const columnValues = RESOURCE_COLUMNS[column];
		if (!columnValues) return failed('GET RESOURCES', `Invalid SEARCHCOLUMN ${column}`);
		const matching = visibleResources(state, caller.user).filter((r) => value === '' || columnValues(r).some((v) => v.toLowerCase().includes(value)));
		return success('GET RESOURCES', 'Resources fetched successfully', { Details: page(matching, d).map(resourceRow), totalRows: matching.length });
	}),
	route('POST', '/resources', 'CREATE RESOURCE', (state, _req, d, caller) => {
		const name = 'CREATE RESOURCE';
		const resourceName = text(d.RESOURCENAME);
		if (!resourceName) return failed(name, 'RESOURCENAME is mandatory');
		if (state.resources.some((r) => r.name.toLowerCase() === resourceName.toLowerCase())) return failed(name, `Resource ${resourceName} already exists`);
		const resource: Pam360Resource = {
			id: String(state.nextResourceId++),
			name: resourceName,
			type: text(d.RESOURCETYPE) || 'Windows',
			description: '',
			url: '',
			location: '',
			dnsName: '',
			department: '',
			domainName: '',
			groupName: '',
			policy: 'Strong',
			owner: caller.user,
			sharedWith: [],
			accounts: [],
		};
		applyResourceFields(resource, d);
		if (text(d.ACCOUNTNAME)) resource.accounts.push(newAccount(state, d, resource.owner));
		state.resources.push(resource);
		audit(state, caller, { operation: 'Resource Added', resource: resource.name });
		return success(name, `Resource ${resource.name} has been added successfully`);
	}),
	route('PUT', '/resources/:resourceId', 'EDIT RESOURCE', (state, req, d, caller) => {
		const resource = findResource(state, caller.user, req.params.resourceId);
		if (!resource) return missing('EDIT RESOURCE', req, undefined);
		const renamed = text(d.RESOURCENAME);
		if (renamed && state.resources.some((r) => r !== resource && r.name.toLowerCase() === renamed.toLowerCase())) {
			return failed('EDIT RESOURCE', `Resource ${renamed} already exists`);
		}
		applyResourceFields(resource, d);
		audit(state, caller, { operation: 'Resource Modified', resource: resource.name });
		return success('EDIT RESOURCE', `Resource ${resource.name} modified successfully`);
	}),
	route('GET', '/resources/:resourceId/accounts', 'GET RESOURCE ACCOUNTLIST', (state, req, d, caller) => {
		const resource = findResource(state, caller.user, req.params.resourceId);
		if (!resource) return missing('GET RESOURCE ACCOUNTLIST', req, undefined);
		const value = text(d.SEARCHVALUE).toLowerCase();
		const accounts = resource.accounts.filter((a) => value === '' || a.name.toLowerCase().includes(value));
		return success('GET RESOURCE ACCOUNTLIST', 'Resource details with account list fetched successfully', {
			Details: {
				'RESOURCE ID': resource.id,
				'RESOURCE NAME': resource.name,
				'RESOURCE DESCRIPTION': resource.description,
				'RESOURCE TYPE': resource.type,
				'DNS NAME': resource.dnsName,
				'RESOURCE URL': resource.url,
				'RESOURCE OWNER': resource.owner,
				'RESOURCE PASSWORD POLICY': resource.policy,
				DEPARTMENT: resource.department,
				LOCATION: resource.location,
				'ACCOUNT LIST': page(accounts, d).map(accountRow),
			},
			totalRows: accounts.length,
		});
	}),
	route('POST', '/resources/:resourceId/accounts', 'ADD ACCOUNTS', (state, req, d, caller) => {
		const resource = findResource(state, caller.user, req.params.resourceId);
		if (!resource) return missing('ADD ACCOUNTS', req, undefined);
		const list = d.ACCOUNTLIST;
		if (!Array.isArray(list) || list.length === 0) return failed('ADD ACCOUNTS', 'ACCOUNTLIST is mandatory');
		const statuses = list.map((entry) => {
			const fields = (entry ?? {}) as Details;
			const accountName = text(fields.ACCOUNTNAME);
			if (!accountName) return { '': { STATUS: 'Account name is mandatory' } };
			if (resource.accounts.some((a) => a.name.toLowerCase() === accountName.toLowerCase())) {
				return { [accountName]: { STATUS: 'Account already exists' } };
			}
			resource.accounts.push(newAccount(state, fields, caller.user));
			audit(state, caller, { operation: 'Account Added', resource: resource.name, account: accountName });
			return { [accountName]: { STATUS: 'Account added successfully' } };
		});
		return success('ADD ACCOUNTS', 'Accounts processed', { Details: statuses });
	}),
	route('GET', '/resources/:resourceId/accounts/:accountId', 'GET RESOURCE ACCOUNT DETAILS', (state, req, _d, caller) => {
		const { resource, account } = lookup(state, req, caller);
		if (!resource || !account) return missing('GET RESOURCE ACCOUNT DETAILS', req, resource);
		return success('GET RESOURCE ACCOUNT DETAILS', 'Account details fetched successfully', {
			Details: {
				'ACCOUNT NAME': account.name,
				DESCRIPTION: account.description,
				NOTES: account.notes,
				PASSWDID: account.id,
				'LAST MODIFIED TIME': stamp(account.lastModified),
				'EXPIRY STATUS': 'Valid',
				'COMPLIANT STATUS': 'Compliant',
				'COMPLIANT REASON': '',
				'PASSWORD STATUS': '****',
				'PASSWORD POLICY': account.policy,
				'LAST ACCESSED TIME': stamp(account.lastAccessed),
				'LAST REMOTE RESET TIME': stamp(account.lastRemoteReset),
				OWNERNAME: account.owner,
			},
		});
	}),
	route('PUT', '/resources/:resourceId/accounts/:accountId', 'EDIT ACCOUNT', (state, req, d, caller) => {
		const { resource, account } = lookup(state, req, caller);
		if (!resource || !account) return missing('EDIT ACCOUNT', req, resource);
		const renamed = text(d.ACCOUNTNAME);
		if (renamed && resource.accounts.some((a) => a !== account && a.name.toLowerCase() === renamed.toLowerCase())) {
			return failed('EDIT ACCOUNT', `Account ${renamed} already exists in resource ${resource.name}`);
		}
		if (renamed) account.name = renamed;
		if (text(d.NOTES)) account.notes = text(d.NOTES);
		if (text(d.DESCRIPTION)) account.description = text(d.DESCRIPTION);
		if (text(d.ACCOUNTPASSWORDPOLICY)) account.policy = text(d.ACCOUNTPASSWORDPOLICY);
		if (text(d.OWNERNAME)) account.owner = text(d.OWNERNAME);
		audit(state, caller, { operation: 'Account Modified', resource: resource.name, account: account.name });
		return success('EDIT ACCOUNT', `Account ${account.name} modified successfully`);
	}),
	route('GET', '/resources/:resourceId/accounts/:accountId/password', 'GET PASSWORD', (state, req, d, caller) => {
		const { resource, account } = lookup(state, req, caller);
		if (!resource || !account) return missing('GET PASSWORD', req, resource);
		const refusal = accessRefusal(account, d, 'retrieve');
		if (refusal) return failed('GET PASSWORD', refusal);
		account.lastAccessed = state.clock.now();
		audit(state, caller, { operation: 'Password Retrieved', resource: resource.name, account: account.name, reason: text(d.REASON), ticketId: text(d.TICKETID) });
		return success('GET PASSWORD', 'Password fetched successfully', { Details: { PASSWORD: account.password } });
	}),
	route('PUT', '/resources/:resourceId/accounts/:accountId/password', 'CHANGE PASSWORD', (state, req, d, caller) => {
		const name = 'CHANGE PASSWORD';
		const { resource, account } = lookup(state, req, caller);
		if (!resource || !account) return missing(name, req, resource);
		const resetType = text(d.RESETTYPE).toUpperCase();
		if (resetType !== 'LOCAL' && resetType !== 'REMOTE') return failed(name, 'RESETTYPE must be LOCAL or REMOTE');
		const newPassword = text(d.NEWPASSWORD);
		if (!newPassword) return failed(name, 'NEWPASSWORD is mandatory');
		const refusal = accessRefusal(account, d, 'change');
		if (refusal) return failed(name, refusal);
		account.password = newPassword;
		account.lastModified = state.clock.now();
		if (resetType === 'REMOTE') {
			account.targetPassword = newPassword;
			account.lastRemoteReset = state.clock.now();
		}
		audit(state, caller, { operation: 'Password Changed', resource: resource.name, account: account.name, reason: text(d.REASON), ticketId: text(d.TICKETID), resetType });
		return success(name, 'Password changed successfully');
	}),
	// Password generation by policy (the pypmp client's `passwords/generate`): the generated password is returned.
	route('GET', '/passwords/generate', 'GENERATE PASSWORD', (_state, _req, d) => {
		const policy = text(d.POLICY) || 'Strong';
		return success('GENERATE PASSWORD', `Password generated for policy ${policy}`, { Details: { PASSWORD: generatedPassword() } });
	}),
];
