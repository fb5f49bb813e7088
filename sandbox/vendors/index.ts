import type { VendorModule } from '../framework/types';
import { okta } from './okta';

/** Every vendor the sandbox hosts. Each vendor issue adds its module here. */
export const vendors = [okta] as VendorModule<unknown>[];
