// Package imports checks where the facade import lands.
package imports

import (
	"fmt"
	"sync"

	"github.com/other/lib"

	"github.com/syncsweep/other"
)

// The facade joins the group whose paths share the most with its own.
var mu sync.Mutex // want `sync.Mutex bypasses`

func use() { fmt.Println(lib.V, other.V, &mu) }
