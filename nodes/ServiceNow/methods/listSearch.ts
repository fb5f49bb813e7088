import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { resultOf, serviceNowApiRequest } from '../transport';

const PAGE = 50;

/** A typed filter for a query: `^` and control characters would end the condition, so they are dropped. */
function searchText(filter?: string): string {
	return (filter ?? '').replace(/[\^\p{Cc}]/gu, '').trim();
}

async function search(
	ctx: ILoadOptionsFunctions,
	table: string,
	query: string,
	fields: string,
	name: (record: IDataObject) => string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const response = await serviceNowApiRequest.call(ctx, {
		method: 'GET',
		path: `/api/now/table/${table}`,
		qs: { sysparm_query: query, sysparm_fields: fields, sysparm_limit: PAGE, sysparm_offset: offset },
	});
	const records = resultOf<IDataObject[]>(response);
	return {
		results: records.map((r) => ({ name: name(r), value: String(r.sys_id) })),
		paginationToken: records.length === PAGE ? String(offset + PAGE) : undefined,
	};
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	const text = searchText(filter);
	const query = `active=true${text ? `^nameLIKE${text}^ORuser_nameSTARTSWITH${text}^ORemailSTARTSWITH${text}` : ''}^ORDERBYname`;
	return await search(this, 'sys_user', query, 'sys_id,name,user_name', (r) => `${r.name as string} (${r.user_name as string})`, paginationToken);
}

export async function searchGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	const text = searchText(filter);
	const query = `active=true${text ? `^nameLIKE${text}` : ''}^ORDERBYname`;
	return await search(this, 'sys_user_group', query, 'sys_id,name', (r) => String(r.name), paginationToken);
}

export async function searchIncidents(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	const text = searchText(filter);
	const query = `active=true${text ? `^numberLIKE${text}^ORshort_descriptionLIKE${text}` : ''}^ORDERBYDESCnumber`;
	return await search(this, 'incident', query, 'sys_id,number,short_description', (r) => `${r.number as string}: ${r.short_description as string}`, paginationToken);
}
