import type { AllEntities } from 'n8n-workflow';

type OktaMap = {
	user: 'get';
};

export type OktaType = AllEntities<OktaMap>;
