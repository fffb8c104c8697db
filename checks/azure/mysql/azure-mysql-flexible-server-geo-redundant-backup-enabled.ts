import { geoBackup } from '../lib/flexible.js';

export default geoBackup('mysql');
