// Starts s3rver (a real S3-protocol server) on 127.0.0.1 at a port the system picks and prints
// that port once it listens. Binding port 0 leaves no window between choosing a free port and
// binding it, in which another process could take it. Usage: node s3rver-listen.js DIRECTORY
'use strict';
const S3rver = require('s3rver');

// s3rver reports a port it cannot bind as an 'error' event, not a rejected promise.
process.on('uncaughtException', (error) => {
  console.error(`s3rver did not start: ${error.message}`);
  process.exit(1);
});

const directory = process.argv[2];
if (!directory) {
  console.error('usage: node s3rver-listen.js DIRECTORY');
  process.exit(2);
}
new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true })
  .run()
  .then(
    ({ port }) => console.log(port),
    (error) => {
      console.error(`s3rver did not start: ${error.message}`);
      process.exit(1);
    });
