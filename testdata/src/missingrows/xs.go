package missingrows

import "github.com/puzpuzpuz/xsync/v4"

var tok *xsync.RToken // want `github.com/puzpuzpuz/xsync/v4.RToken bypasses the lock facade and has no facade equivalent`

func try(m *xsync.RBMutex) { // want `github.com/puzpuzpuz/xsync/v4.RBMutex bypasses the lock facade; m cannot move to facade.RWMutex: it is a parameter or result`
	if ok, t := m.TryRLock(); ok {
		m.RUnlock(t)
	}
}
