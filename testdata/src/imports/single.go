package imports

import "os"

import "sync"

var single sync.Once // want `sync.Once bypasses`

func singleUse() { single.Do(func() { _ = os.Args }) }
