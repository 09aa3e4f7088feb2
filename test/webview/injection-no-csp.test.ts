import { describeInjectionSuite } from './injection-suite';

describeInjectionSuite('none', 'markup');
