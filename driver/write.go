package driver

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// The steps of one file's write, where Options.WriteHook is called.
const (
	StepTemp    = "temp"    // the temporary file exists, empty
	StepHalf    = "half"    // half of the new bytes are in it
	StepSynced  = "synced"  // all of them, synced and closed
	StepRenamed = "renamed" // it has replaced the file
)

// writeAtomic replaces name with data: a temporary file in the same
// directory, synced, given the old mode, then renamed over the original,
// so a crash leaves either the old file or the new one. hook, when not
// nil, is called at each step; an error it returns fails the write there,
// as a full disk would.
func writeAtomic(name string, old, data []byte, mode os.FileMode, hook func(step, name string) error) error {
	if data == nil {
		return removeUnchanged(name, old)
	}
	if mode&0o200 == 0 {
		return fmt.Errorf("file is read-only")
	}
	if hook == nil {
		hook = func(string, string) error { return nil }
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".syncsweep-*")
	if err != nil {
		return err
	}
	clean := func(err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := hook(StepTemp, name); err != nil {
		return clean(err)
	}
	half := len(data) / 2
	if _, err := tmp.Write(data[:half]); err != nil {
		return clean(err)
	}
	if err := hook(StepHalf, name); err != nil {
		return clean(err)
	}
	if _, err := tmp.Write(data[half:]); err != nil {
		return clean(err)
	}
	if err := tmp.Sync(); err != nil {
		return clean(err)
	}
	if err := tmp.Chmod(mode.Perm()); err != nil {
		return clean(err)
	}
	if err := tmp.Close(); err != nil {
		return clean(err)
	}
	if err := hook(StepSynced, name); err != nil {
		return clean(err)
	}
	// The file may have changed since it was read (an editor saving it):
	// look again just before replacing it.
	if now, err := os.ReadFile(name); err != nil && !(old == nil && os.IsNotExist(err)) {
		return clean(err)
	} else if !bytes.Equal(now, old) {
		return clean(fmt.Errorf("it changed on disk while syncsweep ran; run again"))
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return hook(StepRenamed, name)
}

// removeUnchanged removes name (a generated file the sweep no longer
// needs) if it still holds old.
func removeUnchanged(name string, old []byte) error {
	now, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, old) {
		return fmt.Errorf("it changed on disk while syncsweep ran; run again")
	}
	return os.Remove(name)
}
