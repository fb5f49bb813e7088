import type { VendorModule } from '../framework/types';
import { okta } from './okta';
import { servicenow } from './servicenow';
import { visionone } from './visionone';

/** Every vendor the sandbox hosts. Each vendor issue adds its module here. */
export const vendors = [okta, servicenow, visionone] as VendorModule<unknown>[];
