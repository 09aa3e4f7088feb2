import { describeInjectionSuite } from './injection-suite';

describeInjectionSuite('real', 'links');
