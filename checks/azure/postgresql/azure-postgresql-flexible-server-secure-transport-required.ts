import { secureTransport } from '../lib/flexible.js';

export default secureTransport('postgresql');
