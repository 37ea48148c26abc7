// Package lib is a third-party package for import placement tests.
package lib

// V is a value.
var V = 1
