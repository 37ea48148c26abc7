//go:build go1.25

package explore

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"strings"
)

// A replay string names a test's stress.Run call and the choices of one
// schedule: "1.<run>.<choices>", where 1 is the encoding's version, <run>
// is 8 hex digits hashing the test's name and the call's index in it, and
// <choices> is base64url (no padding) of uvarint pairs (goroutine id, how
// many consecutive choices took it). Only choices among two or more
// goroutines are recorded. The string depends on the program and on the
// facade's model of each operation, not on the strategy that found the
// schedule, so changing a strategy keeps old strings valid; a change to
// the model or the encoding bumps the version.
const encodingVersion = "1"

// runKey identifies one stress.Run call of one test.
func runKey(test string, call int) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s#%d", test, call)
	return fmt.Sprintf("%08x", h.Sum32())
}

func encodeSchedule(key string, choices []int) string {
	var buf []byte
	for i := 0; i < len(choices); {
		j := i
		for j < len(choices) && choices[j] == choices[i] {
			j++
		}
		buf = binary.AppendUvarint(buf, uint64(choices[i]))
		buf = binary.AppendUvarint(buf, uint64(j-i))
		i = j
	}
	return encodingVersion + "." + key + "." + base64.RawURLEncoding.EncodeToString(buf)
}

// decodeSchedule returns the run key and the choices of a replay string.
func decodeSchedule(s string) (key string, choices []int, err error) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return "", nil, fmt.Errorf("want version.run.choices, as a failure report prints it")
	}
	if parts[0] != encodingVersion {
		return "", nil, fmt.Errorf("encoding version %q; this facade reads version %s (the string comes from another version of the facade)", parts[0], encodingVersion)
	}
	if len(parts[1]) != 8 {
		return "", nil, fmt.Errorf("run %q: want 8 hex digits", parts[1])
	}
	buf, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return "", nil, fmt.Errorf("choices: %v", err)
	}
	for len(buf) > 0 {
		id, n := binary.Uvarint(buf)
		if n <= 0 {
			return "", nil, fmt.Errorf("choices: truncated")
		}
		buf = buf[n:]
		count, n := binary.Uvarint(buf)
		if n <= 0 || count == 0 || count > 1<<24 || id > 1<<20 {
			return "", nil, fmt.Errorf("choices: malformed")
		}
		buf = buf[n:]
		for ; count > 0; count-- {
			choices = append(choices, int(id))
		}
	}
	return parts[1], choices, nil
}
