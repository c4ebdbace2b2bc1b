// A syntax error is reported as an uncaught SyntaxError with file:line:column.
print("never printed");
let x = 1;
let y = ;
