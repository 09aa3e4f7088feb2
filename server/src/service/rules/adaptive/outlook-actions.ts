import type { AdaptiveRule } from '../index';

export const outlookActionRules: readonly AdaptiveRule[] = [];
