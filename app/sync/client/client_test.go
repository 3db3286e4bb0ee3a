package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/server/wire"
)

func newTest(t *testing.T, h http.HandlerFunc) *Client {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c := New(srv.URL+"/", srv.Client(), "tok")
	c.Backoff, c.MaxBackoff = time.Millisecond, 2*time.Millisecond
	return c
}

// A push that fails transiently is retried with the very same body, so
// the server sees the same change ids.
func TestPushRetriesSameBody(t *testing.T) {
	var calls atomic.Int32
	var bodies []string
	c := newTest(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if r.Header.Get("Authorization") != "Bearer tok" {
			t.Error("no token")
		}
		if calls.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{"results":[{"id":"i","change_id":"c","status":"applied","version":1}]}`)
	})
	res, err := c.Push(context.Background(), []wire.PushRecord{{ChangeID: "c", ID: "i", Kind: wire.KindCompany, Doc: []byte(`{}`)}})
	if err != nil || len(res) != 1 || res[0].Version != 1 {
		t.Fatalf("push = %+v, %v", res, err)
	}
	if len(bodies) != 3 || bodies[0] != bodies[2] || !strings.Contains(bodies[0], `"change_id":"c"`) {
		t.Errorf("bodies = %q", bodies)
	}
}

func TestErrorsAreTyped(t *testing.T) {
	for _, tt := range []struct {
		status int
		header string
		kind   error
		calls  int32
	}{
		{http.StatusUnauthorized, "", ErrUnauthorized, 1},
		{http.StatusTooManyRequests, "7", ErrRateLimited, 1},
		{http.StatusRequestEntityTooLarge, "", ErrTooLarge, 1},
		{http.StatusBadRequest, "", ErrBadRequest, 1},
		{http.StatusInternalServerError, "", ErrServer, DefaultAttempts},
		{http.StatusBadGateway, "", ErrOffline, DefaultAttempts},
	} {
		var calls atomic.Int32
		c := newTest(t, func(w http.ResponseWriter, _ *http.Request) {
			calls.Add(1)
			if tt.header != "" {
				w.Header().Set("Retry-After", tt.header)
			}
			w.WriteHeader(tt.status)
			_, _ = io.WriteString(w, `{"error":"some_code"}`)
		})
		_, err := c.Pull(context.Background(), 0, 10)
		var ce *Error
		if !errors.Is(err, tt.kind) || !errors.As(err, &ce) || ce.Code != "some_code" || ce.Status != tt.status {
			t.Errorf("%d: %v", tt.status, err)
		}
		if calls.Load() != tt.calls {
			t.Errorf("%d: %d calls, want %d", tt.status, calls.Load(), tt.calls)
		}
		if tt.header != "" && ce.RetryAfter != 7*time.Second {
			t.Errorf("retry after = %v", ce.RetryAfter)
		}
	}
}

func TestOfflineAndLimit(t *testing.T) {
	c := New("http://127.0.0.1:1", &http.Client{Timeout: time.Second}, "")
	c.Attempts, c.Backoff = 2, time.Millisecond
	if _, err := c.Me(context.Background()); !errors.Is(err, ErrOffline) {
		t.Errorf("refused connection: %v", err)
	}
	big := newTest(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, `{"changes":[],"next":0,"pad":"`+strings.Repeat("x", 2000)+`"}`)
	})
	big.MaxResponse, big.Attempts = 1000, 1
	if _, err := big.Pull(context.Background(), 0, 0); !errors.Is(err, ErrServer) {
		t.Errorf("oversized answer: %v", err)
	}
}

func TestRetryAfterDate(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	if d := retryAfter(now.Add(30*time.Second).Format(http.TimeFormat), now); d != 30*time.Second {
		t.Errorf("date: %v", d)
	}
	if d := retryAfter("soon", now); d != 0 {
		t.Errorf("garbage: %v", d)
	}
}
