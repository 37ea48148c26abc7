// A stub of the real facade's default build, which the fixtures' swept
// code type-checks against. Written by go run ./internal/facadeapi/gen.

//go:build go1.23

package atomic

func AndInt32(addr *int32, mask int32) (old int32) { panic("facadeapi stub") }

func AndInt64(addr *int64, mask int64) (old int64) { panic("facadeapi stub") }

func AndUint32(addr *uint32, mask uint32) (old uint32) { panic("facadeapi stub") }

func AndUint64(addr *uint64, mask uint64) (old uint64) { panic("facadeapi stub") }

func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) { panic("facadeapi stub") }

func OrInt32(addr *int32, mask int32) (old int32) { panic("facadeapi stub") }

func OrInt64(addr *int64, mask int64) (old int64) { panic("facadeapi stub") }

func OrUint32(addr *uint32, mask uint32) (old uint32) { panic("facadeapi stub") }

func OrUint64(addr *uint64, mask uint64) (old uint64) { panic("facadeapi stub") }

func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) { panic("facadeapi stub") }
