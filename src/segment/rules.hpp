// Line-level recognisers used by the segmenter: Press.lv page furniture (header, navigation,
// comment widget, category line) and generic news conventions (bylines, photo credits,
// captions). Each answers one question about one block of text; none looks at neighbours.
// The word lists live in rules.cpp as tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pressparse::rules {

// " date 2026-02-06 Press.lv - …" → the date and what follows it on the line.
struct HeaderLine {
    std::string date;  // YYYY-MM-DD
    std::string rest;  // text after the date ("" when none)
};
std::optional<HeaderLine> match_header_line(std::string_view text);

// The site's title as printed at the top of a page ("Press.lv - Новости, которые касаются Вас!").
bool is_site_title(std::string_view text);

// Navigation furniture above the headline: menu line, "LAT Пн, 23. Февраля Завтра: …" (today's
// date and Latvian name days), "Доступность", a repeated site title.
bool is_navigation_line(std::string_view text);

// The comments widget after the article: "Комментарии (4) 40 реакций", "Загрузка".
// `count` receives the widget's comment count when it shows one.
bool is_comment_widget(std::string_view text, std::optional<int>* count = nullptr);

// Furniture a page saved as text carries around the article (a saved page's markup would have
// said so): a cookie-consent notice, a share line ("Поделиться: Facebook X Telegram"), an
// advertising line ("Реклама: …"), the site's copyright footer, a picture's placeholder
// ("[photo-1]"). Never article text.
enum class Chrome { None, Consent, Share, Advert, Footer, Picture };
Chrome classify_chrome(std::string_view text);

// The label of a consent notice's button ("Согласен", "Принять", "OK") standing alone.
bool is_button_label(std::string_view text);

// A heading that opens a list of other articles: "Читайте также", "Популярное", "Lasi arī".
bool is_teaser_heading(std::string_view text);

// A lone "28.09.2025" line (teaser dates).
bool is_numeric_date_line(std::string_view text);

// "Мир 0 комментариев", "1 комментариев" → category (may be empty) and the count.
struct CategoryLine {
    std::string category;
    int comments = 0;
};
std::optional<CategoryLine> match_category_with_count(std::string_view text);

// A section name from the site's own list ("Новости Латвии", "Важно", …).
bool is_known_category(std::string_view text);

// "Заголовок (4)" → "Заголовок" and 4.
struct CounterSplit {
    std::string text;
    std::optional<int> count;
};
CounterSplit split_headline_counter(std::string_view headline);

// A photo credit standing alone: "LETA", "Фото LETA", "Scanpix (Credit Image: © …)",
// "Facebook/ Name", "Name/Copyright 2026 The AP. All rights reserved".
bool is_credit_line(std::string_view text);

// A description with a credit attached at its end: "… 2026 года Sergei Grits/Copyright 2026 The
// AP. All rights reserved" → description and credit.
struct CaptionSplit {
    std::string description;
    std::string credit;
};
std::optional<CaptionSplit> split_trailing_credit(std::string_view text);

// "S S" (or, when `glued`, also "SS") of at least seven bytes: S, the text printed twice — an
// image's alt text beside its caption, a title linked from its picture and its text. An empty
// view when the text is not that.
std::string_view printed_twice(std::string_view text, bool glued);

// Ends with sentence punctuation (. ! ? … ; : ,) possibly followed by closing quotes/brackets.
bool ends_sentence(std::string_view text);
// Last meaningful character is one of . , ; : (a subheading never ends like that).
bool ends_with_clause_punctuation(std::string_view text);

}  // namespace pressparse::rules
