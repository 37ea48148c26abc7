// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build !deadlock && !explore

package facade

import "sync"

type Mutex struct {
	mu sync.Mutex
}

func (m *Mutex) Lock() { panic("facadeapi stub") }

func (m *Mutex) TryLock() bool { panic("facadeapi stub") }

func (m *Mutex) Unlock() { panic("facadeapi stub") }

func (m *Mutex) LockNested(i int) { panic("facadeapi stub") }

type RWMutex struct {
	rw sync.RWMutex
}

func (rw *RWMutex) RLock() { panic("facadeapi stub") }

func (rw *RWMutex) TryRLock() bool { panic("facadeapi stub") }

func (rw *RWMutex) RUnlock() { panic("facadeapi stub") }

func (rw *RWMutex) Lock() { panic("facadeapi stub") }

func (rw *RWMutex) TryLock() bool { panic("facadeapi stub") }

func (rw *RWMutex) Unlock() { panic("facadeapi stub") }

func (rw *RWMutex) LockNested(i int) { panic("facadeapi stub") }

func (rw *RWMutex) RLockNested(i int) { panic("facadeapi stub") }

func (rw *RWMutex) RLocker() Locker { panic("facadeapi stub") }

type rlocker RWMutex

func (r *rlocker) Lock()   { panic("facadeapi stub") }
func (r *rlocker) Unlock() { panic("facadeapi stub") }
