package buildtags

import "sync"

// PlanMu is compiled on Plan 9 only.
var PlanMu sync.Mutex // want `sync.Mutex bypasses`

// sync.Unknown is no API the catalog knows, so the import must stay.
var planOther = sync.Unknown
