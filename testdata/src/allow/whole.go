// A directive in the comment above the package clause keeps the whole file.
//
//syncsweep:allow the benchmark baseline against sync itself
package allow

import "sync"

var baseline sync.Mutex

func lockBaseline() { baseline.Lock(); baseline.Unlock() }
