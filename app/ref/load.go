package ref

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"sync"
)

// DataVersion is the version of the embedded reference data; storage refreshes
// its copy when this grows.
const DataVersion = 2

//go:embed data/*.json
var dataFiles embed.FS

var (
	loadOnce   sync.Once
	loadedData *Data
	loadErr    error
)

// Load returns the embedded reference data, decoded and checked once. The
// returned value is shared: callers must not change it.
func Load() (*Data, error) {
	loadOnce.Do(func() {
		loadedData, loadErr = decodeEmbedded()
	})
	return loadedData, loadErr
}

// MustLoad is Load for program start-up and tests, where embedded data that
// does not decode is a build defect.
func MustLoad() *Data {
	d, err := Load()
	if err != nil {
		panic(err)
	}
	return d
}

func decodeEmbedded() (*Data, error) {
	entries, err := dataFiles.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("list reference data: %w", err)
	}
	d := &Data{Version: DataVersion}
	for _, e := range entries {
		part, err := decodeFile("data/" + e.Name())
		if err != nil {
			return nil, err
		}
		d.merge(part)
	}
	if err := d.Check(); err != nil {
		return nil, fmt.Errorf("reference data: %w", err)
	}
	return d, nil
}

// decodeFile decodes one data file strictly: an unknown field is an error.
func decodeFile(name string) (*Data, error) {
	raw, err := dataFiles.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read reference data %s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var part Data
	if err := dec.Decode(&part); err != nil {
		return nil, fmt.Errorf("decode reference data %s: %w", name, err)
	}
	return &part, nil
}

// merge appends the lists of part to d; context figures come from one file.
func (d *Data) merge(part *Data) {
	d.EntryModes = append(d.EntryModes, part.EntryModes...)
	d.Competences = append(d.Competences, part.Competences...)
	d.Statements = append(d.Statements, part.Statements...)
	d.Barriers = append(d.Barriers, part.Barriers...)
	d.Recommendations = append(d.Recommendations, part.Recommendations...)
	d.Actors = append(d.Actors, part.Actors...)
	d.Checklist = append(d.Checklist, part.Checklist...)
	if part.Context.SizeClasses != nil || part.Context.Trade != nil {
		d.Context = part.Context
	}
}
