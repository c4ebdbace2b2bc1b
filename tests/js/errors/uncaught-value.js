// Throwing a non-error value: the value itself is reported.
throw 42;
