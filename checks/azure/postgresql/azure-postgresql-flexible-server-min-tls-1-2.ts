import { minTls } from '../lib/flexible.js';

export default minTls('postgresql');
