import path from 'node:path';
import { filePath } from '../../../shared/file-path';

/** A path that does not depend on the working folder: what the shell and the core hand each other. */
export const absolutePath = filePath.refine((p) => path.isAbsolute(p), 'must be an absolute path');
