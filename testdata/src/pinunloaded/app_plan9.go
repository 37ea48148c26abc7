package pinunloaded

import "example.com/ext"

func init() { ext.Count(&counter) }
