package datadir

// FileStepHook is called, when set, at each point between two file
// operations of a backup, restore, purge or mark, with the point's name:
// the crash harness stops the process there, one point after another, to
// prove that a kill at any of them loses nothing. It is nil in the program.
var FileStepHook func(point string)

// FileStep marks such a point.
func FileStep(point string) {
	if FileStepHook != nil {
		FileStepHook(point)
	}
}
