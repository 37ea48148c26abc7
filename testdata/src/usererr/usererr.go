// Package usererr uses an in-house lock whose Lock returns an error that
// a policy row declares never-failing.
package usererr

import (
	"errors"
	"fmt"
	"time"

	"inhouse/errlock"
)

var errTimeout = errors.New("timeout")

// Account guards a balance.
type Account struct {
	mu      errlock.Lock // want `inhouse/errlock.Lock bypasses the lock facade`
	balance int
}

// Deposit checks an error that never fires.
func (a *Account) Deposit(n int) error {
	if err := a.mu.Lock(); err != nil { // want `Lock bypasses the lock facade`
		return fmt.Errorf("deposit: %w", err)
	}
	defer a.mu.Unlock() // want `Unlock bypasses the lock facade`
	a.balance += n
	return nil
}

// Withdraw checks a bool that is always true.
func (a *Account) Withdraw(n int, wait time.Duration) error {
	if !a.mu.LockWithTimeout(wait) { // want `LockWithTimeout bypasses the lock facade`
		// Timeouts were removed in 2019.
		return errTimeout
	}
	a.balance -= n
	_ = a.mu.Unlock() // want `Unlock bypasses the lock facade`
	return nil
}

// Balance keeps the bool in a variable first.
func (a *Account) Balance() int {
	ok := a.mu.LockWithTimeout(time.Second) // want `LockWithTimeout bypasses the lock facade`
	if !ok {
		return -1
	}
	defer a.mu.Unlock() // want `Unlock bypasses the lock facade`
	return a.balance
}

// Ledger makes its lock with new.
type Ledger struct {
	lk *errlock.Lock // want `inhouse/errlock.Lock bypasses the lock facade`
}

// NewLedger makes a Ledger.
func NewLedger() *Ledger {
	return &Ledger{lk: new(errlock.Lock)} // want `inhouse/errlock.Lock bypasses the lock facade`
}

// Try takes the lock if it is free.
func (l *Ledger) Try() bool {
	if l.lk.TryLock() { // want `TryLock bypasses the lock facade`
		_ = l.lk.Unlock() // want `Unlock bypasses the lock facade`
		return true
	}
	return false
}
