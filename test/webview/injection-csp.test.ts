import { describeInjectionSuite } from './injection-suite';

describeInjectionSuite('real', 'markup');
