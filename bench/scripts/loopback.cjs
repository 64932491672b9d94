// Preloaded into the peer gateway's node process: a listen() without a host binds to loopback only.
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number') {
    if (typeof args[1] === 'function') {
      args.splice(1, 0, '127.0.0.1');
    } else if (args[1] === undefined) {
      args[1] = '127.0.0.1';
    }
  } else if (args[0] && typeof args[0] === 'object' && args[0].host === undefined && args[0].path === undefined) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
