import { publicNetworkAccess } from '../lib/flexible.js';

export default publicNetworkAccess('mysql');
