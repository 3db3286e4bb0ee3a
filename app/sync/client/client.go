// Package client is the app's HTTPS client for pomi-server's API (shapes
// in server/wire): sign-in, who-am-I, sign-out, push and pull. Failures
// come back as *Error, which tells offline from unauthorized, rate
// limited, too large and server errors (errors.Is with the Err* kinds).
// Transient failures are retried with backoff; a retried push sends the
// very same change ids, so the server applies each change once.
package client

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/server/wire"
)

// Defaults for Client's zero fields.
const (
	DefaultAttempts    = 4
	DefaultBackoff     = 500 * time.Millisecond
	DefaultMaxBackoff  = 8 * time.Second
	DefaultMaxResponse = 64 << 20
	maxErrorBody       = 64 << 10
)

// Client calls one pomi-server. Set the fields before first use; a Client
// is then safe for concurrent use.
type Client struct {
	// BaseURL is the server's address, such as https://pomi.example.se:8443.
	BaseURL string
	// HTTP sends the requests; give it a Timeout, and TLS roots when the
	// server's certificate is not publicly trusted.
	HTTP *http.Client
	// Token is the device token from Login.
	Token string
	// Attempts is how often a request is tried in all when it fails
	// transiently (DefaultAttempts; 1 disables retries).
	Attempts int
	// Backoff is the first wait before a retry, doubled each time up to
	// MaxBackoff, with jitter (DefaultBackoff, DefaultMaxBackoff).
	Backoff, MaxBackoff time.Duration
	// MaxResponse bounds a response body (DefaultMaxResponse bytes).
	MaxResponse int64
}

// New returns a client for the server at baseURL using hc (with its
// timeout and TLS settings) and token ("" before Login).
func New(baseURL string, hc *http.Client, token string) *Client {
	return &Client{BaseURL: strings.TrimRight(baseURL, "/"), HTTP: hc, Token: token}
}

// Login signs in on this device and returns the new device token and who
// it belongs to. It does not set c.Token, and is not retried (each
// successful sign-in creates a device).
func (c *Client) Login(ctx context.Context, email, password, device string) (wire.LoginResponse, error) {
	var resp wire.LoginResponse
	req := wire.LoginRequest{Email: email, Password: password, Device: device}
	err := c.call(ctx, call{op: "login", method: http.MethodPost, path: "/v1/login", in: req, out: &resp, once: true})
	return resp, err
}

// Me returns whom the token belongs to; it checks that it still works.
func (c *Client) Me(ctx context.Context) (wire.Me, error) {
	var me wire.Me
	err := c.call(ctx, call{op: "me", method: http.MethodGet, path: "/v1/me", out: &me, auth: true})
	return me, err
}

// Logout signs this device out; its token stops working.
func (c *Client) Logout(ctx context.Context) error {
	return c.call(ctx, call{op: "logout", method: http.MethodPost, path: "/v1/logout", auth: true})
}

// Push sends changes (at most wire.MaxPushRecords) and returns one result
// per change, in order.
func (c *Client) Push(ctx context.Context, recs []wire.PushRecord) ([]wire.PushResult, error) {
	var resp wire.PushResponse
	err := c.call(ctx, call{op: "push", method: http.MethodPost, path: "/v1/push", in: wire.PushRequest{Records: recs}, out: &resp, auth: true})
	if err != nil {
		return nil, err
	}
	if len(resp.Results) != len(recs) {
		return nil, &Error{Kind: ErrServer, Op: "push", Err: fmt.Errorf("%d results for %d records", len(resp.Results), len(recs))}
	}
	return resp.Results, nil
}

// Pull returns up to limit records changed after sequence number since
// (limit 0: the server's default).
func (c *Client) Pull(ctx context.Context, since int64, limit int) (wire.PullResponse, error) {
	q := url.Values{"since": {strconv.FormatInt(since, 10)}}
	if limit > 0 {
		q.Set("limit", strconv.Itoa(limit))
	}
	var resp wire.PullResponse
	err := c.call(ctx, call{op: "pull", method: http.MethodGet, path: "/v1/pull?" + q.Encode(), out: &resp, auth: true})
	return resp, err
}

// call is one API call.
type call struct {
	op, method, path string
	in, out          any
	auth             bool
	once             bool // never retried
}

// call runs a request, retrying transient failures with backoff. The body
// is encoded once, so every attempt sends the same bytes.
func (c *Client) call(ctx context.Context, cl call) error {
	var body []byte
	if cl.in != nil {
		var err error
		if body, err = json.Marshal(cl.in); err != nil {
			return fmt.Errorf("%s: encode: %w", cl.op, err)
		}
	}
	attempts := c.Attempts
	if attempts <= 0 {
		attempts = DefaultAttempts
	}
	if cl.once {
		attempts = 1
	}
	var err error
	for i := range attempts {
		if i > 0 {
			if werr := sleep(ctx, c.backoff(i)); werr != nil {
				return err
			}
		}
		if err = c.attempt(ctx, cl, body); err == nil || !transient(err) {
			return err
		}
	}
	return err
}

// backoff is the wait before retry i (1, 2, ...): exponential, capped,
// with up to 50 % jitter so devices do not retry in step.
func (c *Client) backoff(i int) time.Duration {
	base, maxWait := c.Backoff, c.MaxBackoff
	if base <= 0 {
		base = DefaultBackoff
	}
	if maxWait <= 0 {
		maxWait = DefaultMaxBackoff
	}
	d := base << (i - 1)
	if d > maxWait || d <= 0 {
		d = maxWait
	}
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// attempt sends the request once and decodes the answer.
func (c *Client) attempt(ctx context.Context, cl call, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, cl.method, c.BaseURL+cl.path, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", cl.op, err)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if cl.auth {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return c.netError(ctx, cl.op, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return c.statusError(cl.op, resp)
	}
	return c.decode(ctx, cl, resp)
}

// netError classifies a failure to get an answer.
func (c *Client) netError(ctx context.Context, op string, err error) error {
	if ctx.Err() != nil {
		// The caller gave up (cancelled, or its deadline passed).
		return fmt.Errorf("%s: %w", op, ctx.Err())
	}
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) {
		return &Error{Kind: ErrCertificate, Op: op, Err: err}
	}
	return &Error{Kind: ErrOffline, Op: op, Err: err}
}

// statusError reads an error answer's code.
func (c *Client) statusError(op string, resp *http.Response) error {
	e := &Error{Kind: statusKind(resp.StatusCode), Op: op, Status: resp.StatusCode,
		RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	var body wire.Error
	if json.NewDecoder(io.LimitReader(resp.Body, maxErrorBody)).Decode(&body) == nil {
		e.Code = body.Error
	}
	return e
}

// decode reads a success answer of bounded size into cl.out.
func (c *Client) decode(ctx context.Context, cl call, resp *http.Response) error {
	limit := c.MaxResponse
	if limit <= 0 {
		limit = DefaultMaxResponse
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		// The connection broke mid-answer.
		return c.netError(ctx, cl.op, err)
	}
	if int64(len(raw)) > limit {
		return &Error{Kind: ErrServer, Op: cl.op, Status: resp.StatusCode, Err: fmt.Errorf("answer over %d bytes", limit)}
	}
	if cl.out == nil {
		return nil
	}
	if err := json.Unmarshal(raw, cl.out); err != nil {
		return &Error{Kind: ErrServer, Op: cl.op, Status: resp.StatusCode, Err: fmt.Errorf("decode answer: %w", err)}
	}
	return nil
}
