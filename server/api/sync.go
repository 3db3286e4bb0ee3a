package api

import (
	"io"
	"net/http"
	"strconv"

	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/wire"
)

func (h *handler) push(w http.ResponseWriter, r *http.Request) {
	var req wire.PushRequest
	decode := func(rd io.Reader) (err error) { req, err = wire.DecodePush(rd); return err }
	if !h.decodeBody(w, r, h.cfg.MaxBody, decode) {
		return
	}
	p := principal(r.Context())
	actor := pgstore.Actor{OrgID: p.OrgID, AdvisorID: p.AdvisorID, DeviceID: p.DeviceID}
	results, err := h.store.Push(r.Context(), actor, req.Records)
	if err != nil {
		h.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, wire.PushResponse{Results: results})
}

func (h *handler) pull(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	since, err1 := queryInt(q.Get("since"), 0, 0, 1<<62)
	limit, err2 := queryInt(q.Get("limit"), DefaultPullLimit, 1, MaxPullLimit)
	if err1 != nil || err2 != nil {
		writeError(w, http.StatusBadRequest, wire.ErrBadRequest)
		return
	}
	p := principal(r.Context())
	recs, more, err := h.store.Pull(r.Context(), p.OrgID, since, int(limit))
	if err != nil {
		h.internalError(w, r, err)
		return
	}
	resp := wire.PullResponse{Changes: recs, Next: since, More: more, Advisor: p.AdvisorID}
	if resp.Changes == nil {
		resp.Changes = []wire.Record{}
	}
	if n := len(recs); n > 0 {
		resp.Next = recs[n-1].Seq
	}
	if resp.Advisors, err = h.store.AdvisorNames(r.Context(), p.OrgID, advisorIDs(recs)); err != nil {
		h.internalError(w, r, err)
		return
	}
	resp.Advisors[p.AdvisorID] = p.AdvisorName // the device names its own edits before the server has them
	writeJSON(w, http.StatusOK, resp)
}

// advisorIDs lists the advisors who made or last changed recs, each once.
func advisorIDs(recs []wire.Record) []int64 {
	seen := map[int64]bool{}
	var ids []int64
	for _, rec := range recs {
		for _, id := range []int64{rec.CreatedBy, rec.ChangedBy} {
			if id != 0 && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// queryInt parses an optional query parameter within [lo, hi].
func queryInt(s string, def, lo, hi int64) (int64, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < lo || n > hi {
		return 0, strconv.ErrRange
	}
	return n, nil
}
