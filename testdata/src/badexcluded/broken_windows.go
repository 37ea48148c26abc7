package badexcluded // want `excluded by build constraints and does not parse`

import "sync"

var broken sync.Mutex = (
