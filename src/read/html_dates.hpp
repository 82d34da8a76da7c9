// The publication date of an HTML page, chosen among every place a page states one: the
// machine-readable timestamps the metadata reader collected (JSON-LD, <meta>, microdata,
// <time datetime>), the date printed for people in a byline or date element, the date in the
// page's address, and a date printed just under the headline. Modification dates are kept
// apart and never stand in for a publication date.
// Must never: read a copyright line, a comment thread, a teaser list or a modification stamp as
// the publication date; walk the page more than a bounded number of times.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html_dom.hpp"
#include "pressparse/article.hpp"

namespace pressparse::html {

// Machine-readable dates the metadata reader found, best source first.
struct StatedDates {
    std::vector<std::pair<std::string, DateSource>> published;
    // Stamps whose name says only "date" (<meta name="date">, "dc.date", "dcterms.date"): a
    // page's generation or last change as often as its publication. They rank after every
    // stamp named for the publication, before those of <time> elements.
    std::vector<std::string> generic;
    std::vector<std::string> modified;
    // A publication key ("publishedDate", "published_at", …) in the first inline JSON script
    // (<script type="application/json">, a page's data state) that holds one: taken only when
    // nothing stated or printed gives the date.
    std::optional<std::string> in_script;
};

struct ChosenDates {
    std::optional<std::string> published_text;  // as the page states it
    std::optional<DateSource> source;
    // The day the page prints for people, when a machine timestamp one day off gave way to it:
    // a stamp in UTC written at an offset that falls on that day ("2018-06-12T23:00:00Z" of a
    // page printing 13 June is "2018-06-13T00:00:00+01:00", the same instant), else the printed
    // day alone, "YYYY-MM-DD".
    std::optional<std::string> printed_day;
    std::optional<std::string> modified_text;
    // With no machine timestamp: a date printed for people, in the page's address or under the
    // headline, for when the visible byline gives none ("YYYY-MM-DD" in fallback_day).
    std::optional<std::string> fallback_text;
    std::optional<DateSource> fallback_source;
    std::optional<std::string> fallback_day;
};

// `url` is the page's address if it states one, `language` its language if known,
// `title_heading` the heading that states the page's title (find_title_heading; kNoNode if
// none, and then the page's first <h1> stands for it): where the article starts.
ChosenDates choose_dates(const Document& doc, const StatedDates& stated,
                         const std::optional<std::string>& url, std::string_view language,
                         NodeId title_heading = kNoNode);

// A date in an address's path ("/2019/11/19/", "/2019-11-19-title"), as "YYYY-MM-DD".
std::optional<std::string> date_in_url(std::string_view url);

}  // namespace pressparse::html
