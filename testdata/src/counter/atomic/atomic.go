// Package atomic is a user package that is also called atomic.
package atomic

// Counter counts.
type Counter struct{ N int }
