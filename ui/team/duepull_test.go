package team

import (
	"testing"
	"time"
)

// A tick pulls once PullEvery has passed, and also when the last round
// seems to lie ahead: the clock ran hours fast and was set right since.
func TestDuePullAfterTheClockWasSetBack(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		last time.Time
		want bool
	}{
		{now.Add(-time.Minute), false},
		{now.Add(-PullEvery), true},
		{now.Add(7 * time.Hour), true},
		{now.Add(time.Second), true},
		{time.Time{}, true},
	} {
		if got := duePull(now, tt.last); got != tt.want {
			t.Errorf("last round at %v: due %v, want %v", tt.last, got, tt.want)
		}
	}
}
