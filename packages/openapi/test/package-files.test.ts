import { join } from 'node:path';
import { describePublishedFiles } from '../../../scripts/package-checks';

describePublishedFiles(join(__dirname, '..'));
