import type { AdaptiveRule } from '../index';

export const mediaTextRules: readonly AdaptiveRule[] = [];
