// Every schema migration, in order. Appending a file here is how the schema changes; the runner
// checks the list is numbered 1..n without gaps.
import { migration001 } from './001-store-meta';
import { migration002 } from './002-input-log';
import { migration003 } from './003-audit-log';
import { migration004 } from './004-gate-passage-kind';
import { migration005 } from './005-decisions';
import { migration006 } from './006-users';
import { migration007 } from './007-review';
import { migration008 } from './008-facts';
import { migration009 } from './009-receipts-payments';
import { migration010 } from './010-device-calibration';
import { migration011 } from './011-restock-acknowledgements';
import { migration012 } from './012-camera-settings';
import { migration013 } from './013-review-waivers';
import type { Migration } from './types';

export type { Migration } from './types';

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013];
