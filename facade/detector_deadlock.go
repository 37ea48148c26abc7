//go:build deadlock && !explore

package facade

import "github.com/syncsweep/syncsweep/facade/internal/lockdep"

func setDetectorOptions(o DetectorOptions) {
	lockdep.Update(func(cur *lockdep.Options) {
		switch {
		case o.Timeout > 0:
			cur.Timeout = o.Timeout
		case o.Timeout < 0:
			cur.Timeout = -1
		}
		cur.Disable = o.Disable
		cur.Log = o.Log
	})
}

func updateDetectorOptions(f func(*DetectorOptions)) {
	lockdep.Update(func(cur *lockdep.Options) {
		o := DetectorOptions{Timeout: cur.Timeout, Disable: cur.Disable, Log: cur.Log}
		f(&o)
		cur.Timeout, cur.Disable, cur.Log = o.Timeout, o.Disable, o.Log
	})
}

func reportTo(f func(string)) func() { return lockdep.ReportTo(f) }
