import type { VendorModule } from '../framework/types';
import { okta } from './okta';
import { servicenow } from './servicenow';
import { xsoar } from './xsoar';

/** Every vendor the sandbox hosts. Each vendor issue adds its module here. */
export const vendors = [okta, servicenow, xsoar] as VendorModule<unknown>[];
