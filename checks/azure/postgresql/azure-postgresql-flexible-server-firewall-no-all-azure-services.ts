import { firewallOpen } from '../lib/flexible.js';

export default firewallOpen('postgresql', 'all-azure');
