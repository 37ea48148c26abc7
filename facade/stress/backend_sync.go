//go:build !deadlock && !explore

package stress

const backend = "sync"
