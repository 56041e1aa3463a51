/** Entry point of `npm run verify-export`. */
import { main } from './main.js';

process.exit(main(process.argv.slice(2)));
