import { firewallOpen } from '../lib/flexible.js';

export default firewallOpen('mysql', 'internet');
