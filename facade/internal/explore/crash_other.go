//go:build go1.25 && !unix

package explore

// startMonitor: no monitor where files cannot be mapped; a crash prints
// Go's message alone.
func startMonitor() recorder { return nil }
