// Package deadlockwrap names the fields that go-deadlock's and linkdata's
// wrappers embed, which the facade's types do not have.
package deadlockwrap

import (
	ld "github.com/linkdata/deadlock"
	"github.com/sasha-s/go-deadlock"
)

type jobs struct {
	once             deadlock.Once      // (kept: see the use of its field below)
	wg               deadlock.WaitGroup // want `github.com/sasha-s/go-deadlock.WaitGroup bypasses the lock facade`
	ld.DeadlockMutex                    // want `github.com/linkdata/deadlock.DeadlockMutex bypasses the lock facade, but it is embedded: moving it to Mutex would rename the field DeadlockMutex to Mutex`
}

func (j *jobs) run() {
	j.once.Once.Do(func() {}) // want `github.com/sasha-s/go-deadlock.Once bypasses the lock facade, and j.once.Once names its embedded field Once, which the facade's Once does not have: write j.once instead`
	j.wg.Add(1)
	j.wg.Done()
	j.DeadlockMutex.Lock()
	j.DeadlockMutex.Unlock()
}
