import type { AdaptiveRule } from '../index';

export const httpRules: readonly AdaptiveRule[] = [];
