import { describeHost } from './support/describeHost';
import { REACT_18 } from './support/hosts';

describeHost(REACT_18);
