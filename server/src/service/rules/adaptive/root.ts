import type { AdaptiveRule } from '../index';

export const rootRules: readonly AdaptiveRule[] = [];
