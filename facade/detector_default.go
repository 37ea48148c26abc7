//go:build !deadlock

package facade

func setDetectorOptions(DetectorOptions) {}

func updateDetectorOptions(f func(*DetectorOptions)) {
	o := DetectorOptions{}
	f(&o)
}

func reportTo(func(string)) func() { return func() {} }
