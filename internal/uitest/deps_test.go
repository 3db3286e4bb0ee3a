package uitest

import (
	"testing"
	"time"
)

func TestClockFiresDueTimersInOrderAndNotStoppedOnes(t *testing.T) {
	c := NewClock(Today)
	var fired []string
	c.After(30*time.Millisecond, func() { fired = append(fired, "30") })
	stop := c.After(10*time.Millisecond, func() { fired = append(fired, "stopped") })
	c.After(20*time.Millisecond, func() {
		fired = append(fired, "20@"+c.Now().Sub(Today).String())
		c.After(5*time.Millisecond, func() { fired = append(fired, "25") })
	})
	if !stop() || stop() {
		t.Error("stop reports a running timer only the first time")
	}
	c.Advance(29 * time.Millisecond)
	if got := c.Now().Sub(Today); got != 29*time.Millisecond {
		t.Errorf("the clock moved %v", got)
	}
	c.Advance(time.Millisecond)
	want := []string{"20@20ms", "25", "30"}
	if len(fired) != len(want) || fired[0] != want[0] || fired[1] != want[1] || fired[2] != want[2] {
		t.Errorf("fired %q, want %q", fired, want)
	}
}
