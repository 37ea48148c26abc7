// Package other shares a path prefix with the facade.
package other

// V is a value.
var V = 2
