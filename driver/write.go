package driver

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// writeAtomic replaces name with data: a temporary file in the same
// directory, synced, given the old mode, then renamed over the original,
// so a crash leaves either the old file or the new one.
func writeAtomic(name string, old, data []byte, mode os.FileMode) error {
	if mode&0o200 == 0 {
		return fmt.Errorf("file is read-only")
	}
	// The file may have changed since it was read (an editor saving it):
	// look again just before replacing it.
	if now, err := os.ReadFile(name); err != nil {
		return err
	} else if !bytes.Equal(now, old) {
		return fmt.Errorf("it changed on disk while syncsweep ran; run again")
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
	if _, err := tmp.Write(data); err != nil {
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
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
