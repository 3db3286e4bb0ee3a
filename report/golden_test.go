package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/report/layout"
)

// Golden layouts are written so a reviewer can read a change: an object of
// plain values (a cell, a key–value pair, a column, a paragraph block) is
// one line however long, any other value is one line when it fits in
// goldenWidth characters and is broken up with its parts indented when not.
// A changed cell is then one changed line, and a plan about 950 lines
// rather than the 2,300 of json.MarshalIndent.
const goldenWidth = 100

// goldenJSON is the golden form of v.
func goldenJSON(t testing.TB, v any) []byte {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := writeGolden(&b, raw, ""); err != nil {
		t.Fatal(err)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// writeGolden writes the JSON value raw at the given indent.
func writeGolden(b *bytes.Buffer, raw json.RawMessage, indent string) error {
	keys, vals, isObject, err := jsonParts(raw)
	if err != nil {
		return err
	}
	if vals == nil {
		b.Write(raw)
		return nil
	}
	one, err := oneLine(raw)
	if err != nil {
		return err
	}
	if len(vals) == 0 || len(indent)+len(one) <= goldenWidth || (isObject && isFlat(vals)) {
		b.WriteString(one)
		return nil
	}
	open, closing := "[", "]"
	if isObject {
		open, closing = "{", "}"
	}
	b.WriteString(open + "\n")
	for i, v := range vals {
		b.WriteString(indent + "  ")
		if isObject {
			b.WriteString(keys[i] + ": ")
		}
		if err := writeGolden(b, v, indent+"  "); err != nil {
			return err
		}
		if i < len(vals)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + closing)
	return nil
}

// isFlat says whether every member is a plain value, no object or array.
func isFlat(vals []json.RawMessage) bool {
	for _, v := range vals {
		if v = bytes.TrimSpace(v); len(v) > 0 && (v[0] == '{' || v[0] == '[') {
			return false
		}
	}
	return true
}

// oneLine is raw on one line, with a space after each colon and comma.
func oneLine(raw json.RawMessage) (string, error) {
	keys, vals, isObject, err := jsonParts(raw)
	if err != nil {
		return "", err
	}
	if vals == nil {
		return string(raw), nil
	}
	parts := make([]string, len(vals))
	for i, v := range vals {
		s, err := oneLine(v)
		if err != nil {
			return "", err
		}
		if isObject {
			s = keys[i] + ": " + s
		}
		parts[i] = s
	}
	if isObject {
		return "{" + strings.Join(parts, ", ") + "}", nil
	}
	return "[" + strings.Join(parts, ", ") + "]", nil
}

// jsonParts splits an object or array into its members, in order, keys
// quoted as JSON; vals is nil for anything else. The members keep their
// bytes as json.Marshal wrote them.
func jsonParts(raw json.RawMessage) (keys []string, vals []json.RawMessage, isObject bool, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || (raw[0] != '{' && raw[0] != '[') {
		return nil, nil, false, nil
	}
	isObject = raw[0] == '{'
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, nil, false, err
	}
	vals = []json.RawMessage{}
	for dec.More() {
		if isObject {
			tok, err := dec.Token()
			if err != nil {
				return nil, nil, false, err
			}
			key, err := json.Marshal(tok)
			if err != nil {
				return nil, nil, false, err
			}
			keys = append(keys, string(key))
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, false, err
		}
		vals = append(vals, v)
	}
	return keys, vals, isObject, nil
}

// Line diff for golden mismatches.
const (
	diffContext  = 3   // unchanged lines shown around a change
	diffMaxLines = 120 // lines of diff shown before it is cut short
	diffMaxCells = 4_000_000
)

// lineDiff returns a unified diff of want and got, only the changed hunks
// with diffContext lines around them, cut at diffMaxLines; "" when equal.
func lineDiff(wantName, gotName string, want, got []byte) string {
	a := strings.Split(strings.TrimRight(string(want), "\n"), "\n")
	b := strings.Split(strings.TrimRight(string(got), "\n"), "\n")
	ops := diffOps(a, b)
	var out []string
	for _, h := range hunks(ops) {
		out = append(out, h...)
	}
	if len(out) == 0 {
		return ""
	}
	head := []string{"--- " + wantName, "+++ " + gotName}
	if len(out) > diffMaxLines {
		more := len(out) - diffMaxLines
		out = append(out[:diffMaxLines], fmt.Sprintf("… %d more lines of diff not shown", more))
	}
	return strings.Join(append(head, out...), "\n")
}

// op is one line of the edit script: ' ' kept, '-' only in a, '+' only in b;
// ai and bi are the line's index in a and b (before it, for the other side).
type op struct {
	kind   byte
	line   string
	ai, bi int
}

// diffOps is the edit script from a to b: the common prefix and suffix
// kept, the middle by longest common subsequence (all replaced when the
// middle is too large to compare line by line).
func diffOps(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for i := 0; i < pre; i++ {
		ops = append(ops, op{' ', a[i], i, i})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	for _, o := range lcsOps(ma, mb) {
		o.ai += pre
		o.bi += pre
		ops = append(ops, o)
	}
	for i := 0; i < suf; i++ {
		ai, bi := len(a)-suf+i, len(b)-suf+i
		ops = append(ops, op{' ', a[ai], ai, bi})
	}
	return ops
}

// lcsOps diffs a and b by a table of longest common subsequences.
func lcsOps(a, b []string) []op {
	var ops []op
	if len(a)*len(b) > diffMaxCells {
		for i, l := range a {
			ops = append(ops, op{'-', l, i, 0})
		}
		for j, l := range b {
			ops = append(ops, op{'+', l, len(a), j})
		}
		return ops
	}
	// n[i][j] is the length of the LCS of a[i:] and b[j:].
	w := len(b) + 1
	n := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				n[i*w+j] = n[(i+1)*w+j+1] + 1
			} else {
				n[i*w+j] = max(n[(i+1)*w+j], n[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, op{' ', a[i], i, j})
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || n[(i+1)*w+j] >= n[i*w+j+1]):
			ops = append(ops, op{'-', a[i], i, j})
			i++
		default:
			ops = append(ops, op{'+', b[j], i, j})
			j++
		}
	}
	return ops
}

// hunks groups the changes of ops with their context into unified-diff
// hunks, each starting with its "@@ -a,n +b,m @@" line.
func hunks(ops []op) [][]string {
	var out [][]string
	for start := 0; start < len(ops); {
		for start < len(ops) && ops[start].kind == ' ' {
			start++
		}
		if start == len(ops) {
			break
		}
		from := max(0, start-diffContext)
		end, kept := start, 0
		for end < len(ops) && kept <= 2*diffContext {
			if ops[end].kind == ' ' {
				kept++
			} else {
				kept = 0
			}
			end++
		}
		end = min(len(ops), end-kept+diffContext)
		out = append(out, hunk(ops[from:end]))
		start = end
	}
	return out
}

func hunk(ops []op) []string {
	na, nb := 0, 0
	lines := []string{""}
	for _, o := range ops {
		if o.kind != '+' {
			na++
		}
		if o.kind != '-' {
			nb++
		}
		lines = append(lines, string(o.kind)+o.line)
	}
	lines[0] = fmt.Sprintf("@@ -%d,%d +%d,%d @@", ops[0].ai+1, na, ops[0].bi+1, nb)
	return lines
}

func TestGoldenJSONKeepsTheValueAndBreaksOnlyWhatIsLong(t *testing.T) {
	v := map[string]any{"rows": [][]layout.Cell{{{Text: "a", Bold: true}, {Text: "b"}}},
		"text": strings.Repeat("long ", 30), "pairs": []layout.Pair{{Key: "k", Value: strings.Repeat("v", 120)}}}
	got := goldenJSON(t, v)
	want := `{
  "pairs": [
    {"key": "k", "value": "` + strings.Repeat("v", 120) + `"}
  ],
  "rows": [[{"text": "a", "bold": true}, {"text": "b"}]],
  "text": "` + strings.Repeat("long ", 30) + `"
}
`
	if string(got) != want {
		t.Errorf("golden form:\n%s", lineDiff("want", "got", []byte(want), got))
	}
	var back, orig any
	raw, _ := json.Marshal(v)
	if json.Unmarshal(got, &back) != nil || json.Unmarshal(raw, &orig) != nil || fmt.Sprint(back) != fmt.Sprint(orig) {
		t.Errorf("golden form is not the same value: %s", got)
	}
}

func TestLineDiffShowsOnlyTheChangedHunksWithContext(t *testing.T) {
	var a []string
	for i := 1; i <= 40; i++ {
		a = append(a, fmt.Sprint("line ", i))
	}
	b := append([]string(nil), a...)
	b[4] = "line five"
	b = append(b[:30], append([]string{"new line"}, b[30:]...)...)
	got := lineDiff("old", "new", []byte(strings.Join(a, "\n")), []byte(strings.Join(b, "\n")))
	want := `--- old
+++ new
@@ -2,7 +2,7 @@
 line 2
 line 3
 line 4
-line 5
+line five
 line 6
 line 7
 line 8
@@ -28,6 +28,7 @@
 line 28
 line 29
 line 30
+new line
 line 31
 line 32
 line 33`
	if got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if d := lineDiff("a", "b", []byte("same\n"), []byte("same")); d != "" {
		t.Errorf("equal texts differ: %q", d)
	}
	long := lineDiff("a", "b", []byte(strings.Repeat("x\n", 500)), []byte(strings.Repeat("y\n", 500)))
	if n := strings.Count(long, "\n"); n > diffMaxLines+4 || !strings.HasSuffix(long, "more lines of diff not shown") {
		t.Errorf("a long diff is not cut short: %d lines", n)
	}
}
