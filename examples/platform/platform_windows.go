package platform

import "sync"

// winOnce is compiled on Windows only; syncsweep rewrites it anyway.
var winOnce sync.Once

func init() { winOnce.Do(func() { name = "windows" }) }
