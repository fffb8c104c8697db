import { backupRetention } from '../lib/flexible.js';

export default backupRetention('mysql');
