// Package fakeco makes fictional but valid companies for benchmarks: Swedish
// names, cities with their län, org.nr with a correct Luhn check digit, and
// one assessment each taken from the example companies (or several, half a
// year apart, with WithHistory). The same n and seed
// always give the same companies, so runs on different days compare.
package fakeco

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
)

// place is a city with its län letter code and a postal code prefix.
type place struct{ city, county, postal string }

var places = []place{
	{"Tranås", "F", "573"}, {"Jönköping", "F", "553"}, {"Värnamo", "F", "331"}, {"Växjö", "G", "352"},
	{"Kalmar", "H", "392"}, {"Göteborg", "O", "411"}, {"Borås", "O", "503"}, {"Malmö", "M", "211"},
	{"Lund", "M", "222"}, {"Helsingborg", "M", "252"}, {"Stockholm", "AB", "111"}, {"Uppsala", "C", "753"},
	{"Västerås", "U", "722"}, {"Örebro", "T", "702"}, {"Linköping", "E", "582"}, {"Norrköping", "E", "602"},
	{"Karlstad", "S", "652"}, {"Gävle", "X", "803"}, {"Sundsvall", "Y", "852"}, {"Umeå", "AC", "903"},
	{"Luleå", "BD", "972"}, {"Falun", "W", "791"}, {"Halmstad", "N", "302"}, {"Visby", "I", "621"},
	{"Östersund", "Z", "831"}, {"Karlskrona", "K", "371"}, {"Eskilstuna", "D", "632"},
}

// Names are a region or family name and a trade; about one in sixteen
// companies is a furniture maker, so a search for "möb" finds hundreds.
var (
	firstParts = []string{
		"Holaveden", "Småland", "Vättern", "Norrland", "Kalmarsund", "Göta", "Västkust", "Dala", "Bergslagen",
		"Skåne", "Roslagen", "Gotland", "Värmland", "Ångermanland", "Lagan", "Siljan", "Bohus", "Öland",
		"Johansson", "Lindqvist", "Berg", "Ek", "Sjöberg", "Åkesson", "Nyström", "Holm", "Wallin", "Fors",
	}
	trades = []string{
		"Möbler", "Mekaniska Verkstad", "Trävaror", "Plast", "Livsmedel", "Konsult", "Teknik", "Design",
		"Textil", "Elektronik", "Medicinteknik", "Bageri", "Glasbruk", "Emballage", "Gjuteri", "Data",
	}
	givenNames  = []string{"Anna", "Per-Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Mikael", "Sara", "Anders", "Åsa", "Örjan"}
	familyNames = []string{"Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson"}
)

// Companies returns n fictional companies as documents, each with one
// assessment; seed varies them. The documents share the example companies'
// assessment maps: store them, do not change them.
func Companies(n int, seed uint64, now time.Time) ([]*app.Document, error) {
	d, err := ref.Load()
	if err != nil {
		return nil, err
	}
	examples, err := demo.Companies(d, now)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x90a1))
	docs := make([]*app.Document, n)
	for i := range docs {
		ex := examples[i%len(examples)]
		c := company(i, ex.Company, rng)
		a := ex.Assessments[len(ex.Assessments)-1]
		a.Date = now.AddDate(0, 0, -rng.IntN(730)).Format(validate.DateLayout)
		docs[i] = app.NewDocument(c, []app.Assessment{a}, now)
	}
	return docs, nil
}

// WithHistory returns n fictional companies as Companies does, each with k
// assessments (at least one) half a year apart, oldest first: the latest is
// the one Companies gives, the earlier ones the example company's first
// assessment, so gaps move between the first and the latest. The
// documents share the examples' maps: store them, do not change them.
func WithHistory(n, k int, seed uint64, now time.Time) ([]*app.Document, error) {
	docs, err := Companies(n, seed, now)
	if err != nil || k <= 1 {
		return docs, err
	}
	d := ref.MustLoad()
	examples, err := demo.Companies(d, now)
	if err != nil {
		return nil, err
	}
	for i, doc := range docs {
		first := examples[i%len(examples)].Assessments[0]
		latest := doc.Assessments[0]
		at, err := validate.ParseDate(latest.Date)
		if err != nil {
			return nil, err
		}
		history := make([]app.Assessment, k)
		history[k-1] = latest
		for j := k - 2; j >= 0; j-- {
			a := first
			a.Date = at.AddDate(0, -6*(k-1-j), 0).Format(validate.DateLayout)
			history[j] = a
		}
		doc.Assessments = history
	}
	return docs, nil
}

// company makes the i-th company from an example's profile: a new name,
// org.nr, place, contact and size; sector, markets and experience stay.
func company(i int, base app.Company, rng *rand.Rand) app.Company {
	c := base
	p := places[rng.IntN(len(places))]
	c.Name = fmt.Sprintf("%s %s AB", firstParts[rng.IntN(len(firstParts))], trades[rng.IntN(len(trades))])
	c.OrgNr = OrgNr(i)
	c.Address = app.Address{
		Street:     fmt.Sprintf("Storgatan %d", 1+rng.IntN(150)),
		PostalCode: fmt.Sprintf("%s %02d", p.postal, rng.IntN(100)),
		City:       p.city, County: p.county,
	}
	given, family := givenNames[rng.IntN(len(givenNames))], familyNames[rng.IntN(len(familyNames))]
	c.Contact = app.Contact{
		Name:  given + " " + family,
		Role:  "VD",
		Email: fmt.Sprintf("kontakt@foretag%05d.example", i),
		Phone: fmt.Sprintf("+46 %d %02d %02d %02d", 10+rng.IntN(89), rng.IntN(100), rng.IntN(100), rng.IntN(100)),
	}
	c.Website = fmt.Sprintf("https://foretag%05d.example", i)
	employees, turnover := 1+rng.IntN(249), int64(1+rng.IntN(200))*1_000_000
	c.Employees, c.TurnoverSEK = &employees, &turnover
	c.FoundedYear = 1950 + rng.IntN(70)
	c.Notes = fmt.Sprintf("Fiktivt företag nummer %d för prestandamätning.", i+1)
	return c
}

// OrgNr returns the i-th fictional aktiebolag org.nr, "556NNN-NNNC" with C
// the Luhn check digit; distinct for i below one million.
func OrgNr(i int) string {
	body := fmt.Sprintf("556%06d", i%1_000_000)
	return body[:6] + "-" + body[6:] + string(rune('0'+luhnCheck(body)))
}

// luhnCheck is the digit that makes body plus it pass the Luhn check.
func luhnCheck(body string) int {
	sum := 0
	for i := range len(body) {
		v := int(body[len(body)-1-i] - '0')
		if i%2 == 0 { // doubled: these sit at odd distance from the check digit
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return (10 - sum%10) % 10
}
