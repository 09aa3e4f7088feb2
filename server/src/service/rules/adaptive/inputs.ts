import type { AdaptiveRule } from '../index';

export const inputRules: readonly AdaptiveRule[] = [];
