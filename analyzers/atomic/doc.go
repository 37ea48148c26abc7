// Package atomic defines an Analyzer that reports the result of an atomic
// add assigned back to the variable it updated, with the facade's atomic
// package: the twin of go vet's atomic check, which recognizes
// sync/atomic alone and so loses sight of the code syncsweep moved onto
// the facade.
//
// # Analyzer facadeatomic
//
// facadeatomic: check for common mistakes using the facade's atomic package
//
// This analyzer reports, as go vet's does, at the same position and with
// the same words, an assignment of an atomic add's result to the variable
// it added to:
//
//	x = atomic.AddUint64(&x, 1) // "direct assignment to atomic value"
//
// which writes x without synchronization, racing with every other atomic
// access. The suggested fix drops the assignment: the add alone updates x.
// The atomic package is the policy's (syncsweep's facade/atomic by
// default); go vet keeps checking sync/atomic's.
package atomic
