// A rejection with a value that is not an Error prints the value.
print('script');
Promise.reject(42);
setTimeout(() => print('never'), 0);
