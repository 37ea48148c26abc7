// Package rbmutexkeep uses RBMutex tokens in ways the facade cannot
// express: each lock is reported and left.
package rbmutexkeep

import "github.com/puzpuzpuz/xsync/v3"

type session struct {
	mu  *xsync.RBMutex // want `mu cannot move to facade.RWMutex: RLock at keep.go:\d+: its token is not kept in a new local variable`
	tok *xsync.RToken  // want `github.com/puzpuzpuz/xsync/v3.RToken bypasses the lock facade and has no facade equivalent: the facade's read lock returns no token`
	try *xsync.RBMutex // want `try cannot move to facade.RWMutex: it calls TryRLock at keep.go:\d+: TryRLock returns its token with the bool`
	two *xsync.RBMutex // want `two cannot move to facade.RWMutex: RLock at keep.go:\d+: its token t is passed at keep.go:\d+ to another call than this lock's RUnlock`
}

func newSession() *session {
	return &session{mu: xsync.NewRBMutex(), try: xsync.NewRBMutex(), two: xsync.NewRBMutex()}
}

// begin keeps the token in a field, to release it elsewhere.
func (s *session) begin() {
	s.tok = s.mu.RLock()
}

func (s *session) end() {
	s.mu.RUnlock(s.tok)
	if ok, t := s.try.TryRLock(); ok {
		s.try.RUnlock(t)
	}
	t := s.two.RLock()
	s.mu.RUnlock(t)
}
