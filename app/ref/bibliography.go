package ref

import "fmt"

// Work is a full reference to a work the report cites, as a reader needs it
// to find the work: authors, year, title, and the journal with volume and
// pages, or the publisher (and the pages of a chapter).
type Work struct {
	Authors   string
	Year      string
	Title     string
	Journal   string // for an article: journal, volume(issue)
	Publisher string // for a book, chapter or report: place and publisher
	InBook    string // for a chapter: editors and book title
	Pages     string // for an article or chapter
	Note      string // where else the work was published, said after it
}

// String writes the work in the report's author–year style.
func (w Work) String() string {
	s := fmt.Sprintf("%s (%s). %s.", w.Authors, w.Year, w.Title)
	switch {
	case w.Journal != "":
		s += " " + w.Journal + ", " + w.Pages + "."
	case w.InBook != "":
		s += " In " + w.InBook + ", pp. " + w.Pages + ". " + w.Publisher + "."
	default:
		s += " " + w.Publisher + "."
	}
	if w.Note != "" {
		s += " " + w.Note + "."
	}
	return s
}

// Bibliography maps a work as the citations write it ("Crick 1999") to its
// full reference. Several short forms may name one work. Where the report
// slips, the citations follow the work: the report writes "Knight & Kim
// 2006" but once "2009", the year of the article whose pages it cites;
// "Hutchinson & Quinn 2006" is the article by Hutchinson, Quinn & Alexander
// on the barriers SME retailers overcome; "Eliasson et al." was forthcoming
// and is the Swedish-SME study also published as a working paper.
var Bibliography = map[string]Work{
	"Andersen 2006":                        {Authors: "Andersen, P. H.", Year: "2006", Title: "Listening to the global grapevine: SME export managers' personal contacts as a vehicle for export information generation", Journal: "Journal of World Business 41(1)", Pages: "81–96"},
	"Andersson 2004":                       {Authors: "Andersson, S.", Year: "2004", Title: "Internationalization in different industrial contexts", Journal: "Journal of Business Venturing 19(6)", Pages: "851–875"},
	"Andersson & Wictor 2003":              {Authors: "Andersson, S. & Wictor, I.", Year: "2003", Title: "Innovative internationalisation in new firms: born globals – the Swedish case", Journal: "Journal of International Entrepreneurship 1(3)", Pages: "249–276"},
	"Andersson, Gabrielsson & Wictor 2004": {Authors: "Andersson, S., Gabrielsson, J. & Wictor, I.", Year: "2004", Title: "International activities in small firms: examining factors influencing the internationalization and export growth of small firms", Journal: "Canadian Journal of Administrative Sciences 21(1)", Pages: "22–34"},
	"Bell, Crick & Young 2004":             {Authors: "Bell, J., Crick, D. & Young, S.", Year: "2004", Title: "Small firm internationalization and business strategy: an exploratory study of 'knowledge-intensive' and 'traditional' manufacturing firms in the UK", Journal: "International Small Business Journal 22(1)", Pages: "23–56"},
	"Bijmolt & Zwart 1994":                 {Authors: "Bijmolt, T. H. A. & Zwart, P. S.", Year: "1994", Title: "The impact of internal factors on the export success of Dutch small and medium-sized firms", Journal: "Journal of Small Business Management 32(2)", Pages: "69–83"},
	"Buckley 1989":                         {Authors: "Buckley, P. J.", Year: "1989", Title: "Foreign direct investment by small and medium sized enterprises: the theoretical background", Journal: "Small Business Economics 1(2)", Pages: "89–100"},
	"Cavusgil & Naor 1987":                 {Authors: "Cavusgil, S. T. & Naor, J.", Year: "1987", Title: "Firm and management characteristics as discriminators of export marketing activity", Journal: "Journal of Business Research 15(3)", Pages: "221–235"},
	"Chandra, Styles & Wilkinson 2009":     {Authors: "Chandra, Y., Styles, C. & Wilkinson, I.", Year: "2009", Title: "The recognition of first time international entrepreneurial opportunities: evidence from firms in knowledge-based industries", Journal: "International Marketing Review 26(1)", Pages: "30–61"},
	"Chetty & Campbell-Hunt 2003":          {Authors: "Chetty, S. & Campbell-Hunt, C.", Year: "2003", Title: "Paths to internationalisation among small- to medium-sized firms: a global versus regional approach", Journal: "European Journal of Marketing 37(5/6)", Pages: "796–820"},
	"Crick 1999":                           {Authors: "Crick, D.", Year: "1999", Title: "An investigation into SMEs' use of languages in their export operations", Journal: "International Journal of Entrepreneurial Behaviour & Research 5(1)", Pages: "19–31"},
	"Denis & Depelteau 1985":               {Authors: "Denis, J.-E. & Depelteau, D.", Year: "1985", Title: "Market knowledge, diversification and export expansion", Journal: "Journal of International Business Studies 16(3)", Pages: "77–89"},
	"EC Enterprise and Industry, SBA Fact Sheet Sweden 2008":      {Authors: "European Commission, Enterprise and Industry", Year: "2008", Title: "SBA Fact Sheet Sweden 2008", Publisher: "Brussels: European Commission"},
	"EC Enterprise and Industry, SBA Fact Sheet Sweden 2010/2011": {Authors: "European Commission, Enterprise and Industry", Year: "2011", Title: "SBA Fact Sheet Sweden 2010/2011", Publisher: "Brussels: European Commission"},
	"Eliasson et al.":                  {Authors: "Hansson, P., Eliasson, K. & Lindvert, M.", Year: "2009", Title: "Do firms learn by exporting or learn to export? Evidence from small and medium-sized enterprises (SMEs) in Swedish manufacturing", Publisher: "Working Papers 2009:15. Örebro: Örebro University School of Business", Note: "Published as Eliasson, K., Hansson, P. & Lindvert, M. in Small Business Economics, doi:10.1007/s11187-010-9314-3"},
	"Fletcher 2004":                    {Authors: "Fletcher, D.", Year: "2004", Title: "International entrepreneurship and the small business", Journal: "Entrepreneurship & Regional Development 16(4)", Pages: "289–305"},
	"Granovetter 1973":                 {Authors: "Granovetter, M. S.", Year: "1973", Title: "The strength of weak ties", Journal: "American Journal of Sociology 78(6)", Pages: "1360–1380"},
	"Holmlund, Kock & Vanyushyn 2007":  {Authors: "Holmlund, M., Kock, S. & Vanyushyn, V.", Year: "2007", Title: "Small and medium-sized enterprises' internationalization and the influence of importing on exporting", Journal: "International Small Business Journal 25(5)", Pages: "459–477"},
	"Hutchinson et al. 2005":           {Authors: "Hutchinson, K., Quinn, B. & Alexander, N.", Year: "2005", Title: "The internationalisation of small to medium-sized retail companies: towards a conceptual framework", Journal: "Journal of Marketing Management 21(1–2)", Pages: "149–179"},
	"Hutchinson et al. 2006":           hutchinson2006,
	"Hutchinson & Quinn 2006":          hutchinson2006,
	"Johnson, Lenartowicz & Apud 2006": johnson2006,
	"Johnson et al. 2006":              johnson2006,
	"Katwalo 2006":                     {Authors: "Katwalo, A. M.", Year: "2006", Title: "An overview of competence development in SMEs", Journal: "International Journal of Strategic Change Management 1(1/2)", Pages: "89–95"},
	"Knight & Kim 2009":                {Authors: "Knight, G. A. & Kim, D.", Year: "2009", Title: "International business competence and the contemporary firm", Journal: "Journal of International Business Studies 40(2)", Pages: "255–273"},
	"Loane 2005":                       {Authors: "Loane, S.", Year: "2005", Title: "The role of the internet in the internationalisation of small and medium sized companies", Journal: "Journal of International Entrepreneurship 3(4)", Pages: "263–277"},
	"Manolova et al. 2002":             {Authors: "Manolova, T. S., Brush, C. G., Edelman, L. F. & Greene, P. G.", Year: "2002", Title: "Internationalization of small firms: personal factors revisited", Journal: "International Small Business Journal 20(1)", Pages: "9–31"},
	"Matlay & Fletcher 2000":           {Authors: "Matlay, H. & Fletcher, D.", Year: "2000", Title: "Globalization and strategic change: some lessons from the UK small business sector", Journal: "Strategic Change 9(7)", Pages: "437–449"},
	"McAuley 1999":                     {Authors: "McAuley, A.", Year: "1999", Title: "Entrepreneurial instant exporters in the Scottish arts and crafts sector", Journal: "Journal of International Marketing 7(4)", Pages: "67–82"},
	"McGoldrick & Davies 1995":         {Authors: "McGoldrick, P. J. & Davies, G. (eds.)", Year: "1995", Title: "International Retailing: Trends and Strategies", Publisher: "London: Pitman"},
	"Merrilees & Tiessen 1999":         {Authors: "Merrilees, B. & Tiessen, J. H.", Year: "1999", Title: "Building generalizable SME international marketing models using case studies", Journal: "International Marketing Review 16(4/5)", Pages: "326–344"},
	"Muzychenko 2008":                  {Authors: "Muzychenko, O.", Year: "2008", Title: "Cross-cultural entrepreneurial competence in identifying international business opportunities", Journal: "European Management Journal 26(6)", Pages: "366–377"},
	"Nummela et al. 2004":              {Authors: "Nummela, N., Saarenketo, S. & Puumalainen, K.", Year: "2004", Title: "A global mindset – a prerequisite for successful internationalization?", Journal: "Canadian Journal of Administrative Sciences 21(1)", Pages: "51–64"},
	"O'Cass & Weerawardena 2009":       {Authors: "O'Cass, A. & Weerawardena, J.", Year: "2009", Title: "Examining the role of international entrepreneurship, innovation and international market performance in SME internationalisation", Journal: "European Journal of Marketing 43(11/12)", Pages: "1325–1348"},
	"OECD 2009":                        {Authors: "OECD", Year: "2009", Title: "Top Barriers and Drivers to SME Internationalisation. Report by the OECD Working Party on SMEs and Entrepreneurship", Publisher: "Paris: OECD"},
	"Papadopoulos 1987":                {Authors: "Papadopoulos, N.", Year: "1987", Title: "Approaches to international market selection for small- and medium-sized enterprises", InBook: "P. J. Rosson & S. D. Reid (eds.), Managing Export Entry and Expansion", Pages: "128–158", Publisher: "New York: Praeger"},
	"Reid 1981":                        {Authors: "Reid, S. D.", Year: "1981", Title: "The decision-maker and export entry and expansion", Journal: "Journal of International Business Studies 12(2)", Pages: "101–112"},
	"Reuber & Fischer 1997":            {Authors: "Reuber, A. R. & Fischer, E.", Year: "1997", Title: "The influence of the management team's international experience on the internationalization behaviors of SMEs", Journal: "Journal of International Business Studies 28(4)", Pages: "807–825"},
	"Rundh 2007":                       {Authors: "Rundh, B.", Year: "2007", Title: "International marketing behaviour amongst exporting firms", Journal: "European Journal of Marketing 41(1/2)", Pages: "181–198"},
	"Valikangas & Lehtinen 1994":       {Authors: "Välikangas, L. & Lehtinen, U.", Year: "1994", Title: "Strategic types of services and international marketing", Journal: "International Journal of Service Industry Management 5(2)", Pages: "72–84"},
	"Welch & Luostarinen 1993":         {Authors: "Welch, L. S. & Luostarinen, R. K.", Year: "1993", Title: "Inward–outward connections in internationalization", Journal: "Journal of International Marketing 1(1)", Pages: "44–56"},
}

var johnson2006 = Work{Authors: "Johnson, J. P., Lenartowicz, T. & Apud, S.", Year: "2006", Title: "Cross-cultural competence in international business: toward a definition and a model", Journal: "Journal of International Business Studies 37(4)", Pages: "525–543"}

var hutchinson2006 = Work{Authors: "Hutchinson, K., Quinn, B. & Alexander, N.", Year: "2006", Title: "SME retailer internationalisation: case study evidence from British retailers", Journal: "International Marketing Review 23(1)", Pages: "25–53"}
