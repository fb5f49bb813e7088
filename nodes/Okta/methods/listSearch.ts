import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { parseLinkHeader } from '../../shared/paging';
import { oktaApiRequest } from '../transport';

/** Users for the "From list" picker: Okta's `q` prefix search when typing, else the first page with cursor paging. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = filter ? { q: filter, limit: 50 } : { limit: 50, ...(paginationToken ? { after: paginationToken } : {}) };
	const response = await oktaApiRequest.call(this, { method: 'GET', path: '/api/v1/users', qs });
	const users = (response.body as unknown as IDataObject[]) ?? [];
	const next = parseLinkHeader(response.headers).next;
	return {
		results: users.map((u) => {
			const profile = u.profile as IDataObject;
			return { name: `${profile.firstName} ${profile.lastName} (${profile.login})`, value: u.id as string };
		}),
		paginationToken: !filter && next ? (new URL(next).searchParams.get('after') ?? undefined) : undefined,
	};
}

/** Groups for the "From list" picker: Okta's name prefix search when typing, else pages of all groups. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = filter ? { q: filter, limit: 50 } : { limit: 50, ...(paginationToken ? { after: paginationToken } : {}) };
	const response = await oktaApiRequest.call(this, { method: 'GET', path: '/api/v1/groups', qs });
	const groups = (response.body as unknown as IDataObject[]) ?? [];
	const next = parseLinkHeader(response.headers).next;
	return {
		results: groups.map((g) => ({ name: String((g.profile as IDataObject)?.name ?? g.id), value: g.id as string })),
		paginationToken: !filter && next ? (new URL(next).searchParams.get('after') ?? undefined) : undefined,
	};
}
