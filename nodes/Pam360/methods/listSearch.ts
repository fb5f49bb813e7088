import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { resourceId } from '../helpers/locate';
import { accountRows, pam360ApiRequest, resourceRows } from '../transport';

const PAGE = 50;

/** A typed filter: control characters are dropped (the value travels inside JSON, so nothing else can break out). */
const searchText = (filter?: string) => (filter ?? '').replace(/\p{Cc}/gu, '').trim();

export async function searchResources(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const start = Number(paginationToken ?? 0) || 0;
	const text = searchText(filter);
	const operation = await pam360ApiRequest.call(this, {
		method: 'GET',
		path: '/resources',
		details: { STARTINDEX: start, LIMIT: PAGE, ...(text ? { SEARCHTYPE: 'RESOURCE', SEARCHCOLUMN: 'RESOURCENAME', SEARCHVALUE: text } : {}) },
	});
	const rows = resourceRows(operation);
	return {
		results: rows.map((r) => ({ name: `${String(r['RESOURCE NAME'])} (${String(r['RESOURCE TYPE'])})`, value: String(r['RESOURCE ID']) })),
		paginationToken: rows.length === PAGE ? String(start + PAGE) : undefined,
	};
}

export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const resource = await resourceId(this, this.getCurrentNodeParameter('pamResource'), 0);
	const text = searchText(filter).toLowerCase();
	const operation = await pam360ApiRequest.call(this, { method: 'GET', path: `/resources/${resource}/accounts` });
	const rows = accountRows(operation).filter((a: IDataObject) => !text || String(a['ACCOUNT NAME']).toLowerCase().includes(text));
	return { results: rows.map((a) => ({ name: String(a['ACCOUNT NAME']), value: String(a['ACCOUNT ID']) })) };
}
