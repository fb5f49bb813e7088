import type { VendorModule } from '../framework/types';
import { conductorone } from './conductorone';
import { okta } from './okta';
import { pam360 } from './pam360';
import { servicenow } from './servicenow';
import { visionone } from './visionone';
import { xsoar } from './xsoar';

/** Every vendor the sandbox hosts. Each vendor issue adds its module here. XSOAR precedes ConductorOne, whose XSOAR app is seeded from it. */
export const vendors = [okta, servicenow, pam360, xsoar, conductorone, visionone] as VendorModule<unknown>[];
