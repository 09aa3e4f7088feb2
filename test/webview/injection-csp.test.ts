import { describeInjectionSuite } from './injection-suite';

describeInjectionSuite('real');
