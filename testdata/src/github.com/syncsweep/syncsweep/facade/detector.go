// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

package facade

import (
	"io"
	"time"
)

type DetectorOptions struct {
	Timeout time.Duration

	Disable bool

	Log io.Writer
}

func SetDetectorOptions(o DetectorOptions) { panic("facadeapi stub") }

func UpdateDetectorOptions(f func(o *DetectorOptions)) { panic("facadeapi stub") }

func ReportDeadlocksTo(f func(report string)) (restore func()) { panic("facadeapi stub") }
