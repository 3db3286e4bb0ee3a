package team

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pomi-planner/pomi/locales"
)

// FieldName says which field a conflict is about, in words where the
// messages know the path ("Kontaktperson: e-post"), else the first part
// in words and the rest as written, counting list items from 1.
func FieldName(loc *locales.Localizer, path []string) string {
	if len(path) == 0 {
		return loc.T("ui.team.field.whole")
	}
	if id := "ui.team.field." + strings.Join(path, "."); loc.Has(id) {
		return loc.T(id)
	}
	parts := make([]string, len(path))
	for i, p := range path {
		switch n, err := strconv.Atoi(p); {
		case err == nil:
			parts[i] = "#" + strconv.Itoa(n+1)
		case loc.Has("ui.team.field." + p):
			parts[i] = loc.T("ui.team.field." + p)
		default:
			parts[i] = p
		}
	}
	return parts[0] + ": " + strings.Join(parts[1:], " › ")
}

// Readable shows a field's JSON value as text: strings as they are,
// numbers in the language's way, lists joined, objects by their title or
// name; raw nil is a field the other side removed.
func Readable(loc *locales.Localizer, raw json.RawMessage) string {
	if raw == nil {
		return loc.T("ui.team.conflicts.removed")
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return string(raw)
	}
	if s := valueText(loc, v); s != "" {
		return s
	}
	return loc.T("ui.team.conflicts.empty")
}

func valueText(loc *locales.Localizer, v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		if v {
			return loc.T("ui.team.conflicts.yes")
		}
		return loc.T("ui.team.conflicts.no")
	case float64:
		for _, d := range []int{0, 1} {
			if p := math.Pow(10, float64(d)); v*p == math.Trunc(v*p) {
				return loc.Number(v, d)
			}
		}
		return loc.Number(v, 2)
	case []any:
		items := make([]string, 0, len(v))
		for _, it := range v {
			if s := valueText(loc, it); s != "" {
				items = append(items, s)
			}
		}
		return strings.Join(items, ", ")
	case map[string]any:
		return objectText(loc, v)
	}
	return ""
}

// objectText names an object by its title or name, else lists its fields.
func objectText(loc *locales.Localizer, m map[string]any) string {
	for _, k := range []string{"title", "name"} {
		if s, ok := m[k].(string); ok && s != "" {
			return s
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		if s := valueText(loc, m[k]); s != "" {
			parts = append(parts, fmt.Sprintf("%s: %s", k, s))
		}
	}
	return strings.Join(parts, "; ")
}
