package app

import (
	"errors"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

// CustomActor is a support actor an organisation adds itself (the local Almi
// office with a named contact, say), with its own words in each language.
type CustomActor struct {
	ref.Actor
	// Names and Offers map a language code to the text in that language.
	Names  map[string]string `json:"names"`
	Offers map[string]string `json:"offers"`
}

// CustomRecommendation is a recommendation an organisation adds itself.
type CustomRecommendation struct {
	ref.Recommendation
	Titles map[string]string `json:"titles"`
	Bodies map[string]string `json:"bodies"`
}

// Validate checks the texts; the structure is checked with the reference data
// (ref.Data.WithCustom).
func (c *CustomActor) Validate() error {
	if _, err := validate.NormalizeWebsite(c.URL); err != nil && c.URL != "" {
		return validate.InField("url", err)
	}
	return validateTexts(c.Names, c.Offers)
}

// Validate checks the texts of the recommendation.
func (c *CustomRecommendation) Validate() error { return validateTexts(c.Titles, c.Bodies) }

// validateTexts needs a name in at least one language and sane text in all.
func validateTexts(names, bodies map[string]string) error {
	var errs []error
	if len(names) == 0 {
		errs = append(errs, validate.Err("names", validate.CodeRequired))
	}
	for lang, s := range names {
		errs = append(errs, validate.InField("names."+lang, validate.Name(s)))
	}
	for lang, s := range bodies {
		errs = append(errs, validate.InField("texts."+lang, validate.Notes(s)))
	}
	return errors.Join(errs...)
}

// CustomTexts returns the message texts of an organisation's own items in
// lang, keyed by the ids the reference helpers derive; a text missing in lang
// falls back to any language that has one, so nothing shows as a bare id.
func CustomTexts(actors []CustomActor, recs []CustomRecommendation, lang string) map[string]string {
	texts := map[string]string{}
	for _, a := range actors {
		texts[ref.ActorName(a.ID)] = pick(a.Names, lang)
		texts[ref.ActorOffer(a.ID)] = pick(a.Offers, lang)
	}
	for _, r := range recs {
		texts[ref.RecommendationTitle(r.ID)] = pick(r.Titles, lang)
		texts[ref.RecommendationBody(r.ID)] = pick(r.Bodies, lang)
	}
	return texts
}

func pick(texts map[string]string, lang string) string {
	if s := texts[lang]; s != "" {
		return s
	}
	for _, s := range texts {
		if s != "" {
			return s
		}
	}
	return ""
}

// WithTexts returns a Translator that answers the ids in texts itself and
// asks tr for the rest: the way an organisation's own words join the built-in ones.
func WithTexts(tr Translator, texts map[string]string) Translator {
	return overlay{tr, texts}
}

type overlay struct {
	Translator
	texts map[string]string
}

func (o overlay) T(id string) string {
	if s, ok := o.texts[id]; ok {
		return s
	}
	return o.Translator.T(id)
}
