import { geoBackup } from '../lib/flexible.js';

export default geoBackup('postgresql');
