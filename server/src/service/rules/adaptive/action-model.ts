import type { AdaptiveRule } from '../index';

export const actionModelRules: readonly AdaptiveRule[] = [];
