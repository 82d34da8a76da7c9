#include "rules.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

#include "pressparse/unicode.hpp"

namespace pressparse::rules {

namespace {

using namespace std::string_view_literals;

// A phrase looked for inside a line, with the index of a byte in it that is rare in running text:
// the search runs memchr for that byte. (Searching from the first byte would stop at every
// Cyrillic letter of a phrase that opens with D0 or D1: one memchr call per letter of the line.)
struct Phrase {
    std::string_view text;
    std::size_t anchor;
};

bool contains(std::string_view text, const Phrase& phrase) {
    const std::size_t n = phrase.text.size();
    if (text.size() < n) return false;
    const char anchor = phrase.text[phrase.anchor];
    // The anchor's position in an occurrence lies from phrase.anchor to the last start + anchor.
    const std::size_t end = text.size() - n + phrase.anchor + 1;
    for (std::size_t at = phrase.anchor; at < end;) {
        const void* hit = std::memchr(text.data() + at, anchor, end - at);
        if (hit == nullptr) return false;
        at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        if (text.compare(at - phrase.anchor, n, phrase.text) == 0) return true;
        ++at;
    }
    return false;
}

// Press.lv's menu and top-bar texts, matched as substrings of a navigation line (anchored on
// the second byte of their capital letter, or on an ASCII capital).
constexpr std::array kNavigationMarkers{
    Phrase{"Вести еженедельник"sv, 1},
    Phrase{"Супер Секретов"sv, 1},
    Phrase{"Mājas virtuve"sv, 0},
};

// The words of a cookie notice, anchored on a byte other than a Cyrillic lead byte.
constexpr std::array kCookieWords{
    Phrase{"cookie"sv, 3},
    Phrase{"Cookie"sv, 0},
    Phrase{"куки"sv, 3},
    Phrase{"sīkdatn"sv, 2},
};

// Navigation lines that are exactly one of these.
constexpr std::array kNavigationLines{
    "Доступность"sv, "LAT"sv, "RUS"sv, "Меню"sv, "Поиск"sv, "Войти"sv,
};

constexpr std::string_view kSiteName = "Press.lv"sv;

// Press.lv sections seen as the category line.
constexpr std::array kCategories{
    "Новости Латвии"sv, "Латышские СМИ"sv, "Мир"sv,       "Важно"sv,     "Выбор редакции"sv,
    "Всюду жизнь"sv,    "Экономика"sv,     "Политика"sv,  "Общество"sv,  "Происшествия"sv,
    "Спорт"sv,          "Культура"sv,      "Здоровье"sv,  "Мнения"sv,    "Интервью"sv,
    "Технологии"sv,     "Наука"sv,         "Авто"sv,      "Рига"sv,      "Бизнес"sv,
    "Финансы"sv,        "Стиль жизни"sv,   "Дом и сад"sv, "Кулинария"sv, "Путешествия"sv,
};

// Headings over lists of other articles (matched without a trailing colon).
constexpr std::array kTeaserHeadings{
    "Читайте также"sv,    "Читайте ещё"sv,      "Читайте еще"sv,       "Похожие статьи"sv,
    "Похожие новости"sv,  "Новости по теме"sv,  "Статьи по теме"sv,    "По теме"sv,
    "Ещё по теме"sv,      "Еще по теме"sv,      "Другие новости"sv,    "Популярное"sv,
    "Самое популярное"sv, "Самое читаемое"sv,   "Самое обсуждаемое"sv, "Лента новостей"sv,
    "Lasi arī"sv,         "Lasiet arī"sv,       "Populārākie"sv,       "Populārākās ziņas"sv,
    "Related"sv,          "Related articles"sv, "Read more"sv,         "Read also"sv,
    "Popular"sv,          "Most read"sv,        "More stories"sv,
};

// What a share line offers, after its "Поделиться".
constexpr std::array kShareWords{
    "Поделиться"sv, "Поделитесь"sv, "Dalīties"sv,   "Share"sv,         "Facebook"sv, "X"sv,
    "Twitter"sv,    "Твитнуть"sv,   "Tweet"sv,      "Telegram"sv,      "WhatsApp"sv, "Viber"sv,
    "VK"sv,         "ВКонтакте"sv,  "Вконтакте"sv,  "Одноклассники"sv, "OK"sv,       "LinkedIn"sv,
    "Pinterest"sv,  "Reddit"sv,     "Email"sv,      "E-mail"sv,        "Почта"sv,    "Draugiem"sv,
    "Messenger"sv,  "Skype"sv,      "Копировать"sv, "ссылку"sv,        "Copy"sv,     "link"sv,
};

// Labels of a consent notice's buttons.
constexpr std::array kButtonLabels{
    "Согласен"sv, "Согласна"sv, "Согласиться"sv, "Принять"sv,  "Принимаю"sv, "Понятно"sv,
    "Хорошо"sv,   "OK"sv,       "Ok"sv,          "Piekrītu"sv, "Pieņemt"sv,  "Sapratu"sv,
    "Accept"sv,   "I agree"sv,  "Agree"sv,       "Got it"sv,
};

// Photo agencies, stock libraries and platforms that open a credit line.
constexpr std::array kCreditSources{
    "LETA"sv,
    "ЛЕТА"sv,
    "Scanpix"sv,
    "AFP"sv,
    "Reuters"sv,
    "AP"sv,
    "EPA"sv,
    "TASS"sv,
    "ТАСС"sv,
    "BNS"sv,
    "ERR"sv,
    "Sputnik"sv,
    "РИА"sv,
    "Pexels"sv,
    "Unsplash"sv,
    "Shutterstock"sv,
    "Depositphotos"sv,
    "Freepik"sv,
    "Pixabay"sv,
    "Facebook"sv,
    "Twitter"sv,
    "X"sv,
    "Instagram"sv,
    "YouTube"sv,
    "Telegram"sv,
    "Wikimedia"sv,
    "Wikipedia"sv,
    "iStock"sv,
    "Getty"sv,
    "ZUMA"sv,
    "PantherMedia"sv,
    "Publicitātes"sv,
    "Ekrānuzņēmums"sv,
    "Скриншот"sv,
    "Кадр"sv,
    "Коллаж"sv,
    "Архив"sv,
    "Иллюстративное"sv,
    "Иллюстративный"sv,
    "Скрин"sv,
    "Ilustratīvs"sv,
    "Foto"sv,
    "Фото"sv,
    "Photo"sv,
    "Фото:"sv,
    "Foto:"sv,
    "Photo:"sv,
    "©"sv,
    "Lsm.lv"sv,
    "LSM"sv,
    "Delfi"sv,
    "TV3"sv,
    "LTV"sv,
    "Pietiek"sv,
};

// Markers after which the rest of a line is a credit, each anchored on a byte rare in running
// text (a leading space would stop the search at every word).
constexpr std::array kInlineCreditMarkers{
    Phrase{" Фото: "sv, 2},  Phrase{" Фото "sv, 2},   Phrase{" Foto: "sv, 1},
    Phrase{" Photo: "sv, 1}, Phrase{" Фото - "sv, 2}, Phrase{" Foto - "sv, 1},
    Phrase{" © "sv, 2},
};

// The last occurrence of a marker, found forwards from its anchor byte.
// `anchor_seen` tells whether the anchor byte occurs at all (past the marker's own offset).
std::size_t find_last(std::string_view text, const Phrase& m, bool& anchor_seen) {
    std::size_t last = std::string_view::npos;
    const char anchor = m.text[m.anchor];
    anchor_seen = false;
    for (std::size_t at = text.find(anchor, m.anchor); at != std::string_view::npos;
         at = text.find(anchor, at + 1)) {
        anchor_seen = true;
        const std::size_t start = at - m.anchor;
        if (text.compare(start, m.text.size(), m.text) == 0) last = start;
    }
    return last;
}

// Phrases that make a line a credit wherever they stand.
constexpr std::array kCreditPhrases{
    "/Copyright"sv, "Copyright 20"sv, "All rights reserved"sv, "(Credit Image:"sv, "via ZUMA"sv,
};

bool is_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

std::optional<int> to_int(std::string_view s) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    return value;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool contains(std::string_view s, std::string_view part) {
    return s.find(part) != std::string_view::npos;
}

std::string_view first_token(std::string_view s) {
    return s.substr(0, s.find(' '));
}

// Strips trailing closing quotes and brackets to find the last meaningful character.
std::string_view strip_closers(std::string_view s) {
    for (;;) {
        if (s.empty()) return s;
        const auto last = static_cast<unsigned char>(s.back());
        if (last == '"' || last == '\'' || last == ')' || last == ']') {
            s.remove_suffix(1);
            continue;
        }
        // » ” ’ (UTF-8: C2 BB, E2 80 9D, E2 80 99)
        if (ends_with(s, "\xC2\xBB")) {
            s.remove_suffix(2);
            continue;
        }
        if (ends_with(s, "\xE2\x80\x9D") || ends_with(s, "\xE2\x80\x99")) {
            s.remove_suffix(3);
            continue;
        }
        return s;
    }
}

bool is_credit_source_token(std::string_view token) {
    while (!token.empty() && (token.back() == '/' || token.back() == ',' || token.back() == ':')) {
        token.remove_suffix(1);
    }
    for (auto source : kCreditSources) {
        if (token == source) return true;
    }
    return false;
}

// A token made only of Latin letters (and . - ' inside) starting upper-case: part of a name.
bool is_latin_name_token(std::string_view token) {
    if (token.empty()) return false;
    const char first = token.front();
    if (!(first >= 'A' && first <= 'Z')) {
        // Latin letters with diacritics (Latvian names) start with a 2-byte sequence.
        const auto counts = unicode::count_scripts(token.substr(0, 2));
        if (counts.latin == 0) return false;
        if (unicode::first_letter_case(token) != unicode::LetterCase::Upper) return false;
    }
    const auto counts = unicode::count_scripts(token);
    return counts.cyrillic == 0 && counts.latin > 0;
}

}  // namespace

std::optional<HeaderLine> match_header_line(std::string_view text) {
    if (!starts_with(text, "date ")) return std::nullopt;
    std::string_view date = text.substr(5, 10);
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !is_digits(date.substr(0, 4)) ||
        !is_digits(date.substr(5, 2)) || !is_digits(date.substr(8, 2))) {
        return std::nullopt;
    }
    std::string_view rest = text.substr(std::min<std::size_t>(text.size(), 15));
    if (!rest.empty() && rest.front() != ' ') return std::nullopt;
    return HeaderLine{std::string(date), std::string(unicode::trim(rest))};
}

bool is_site_title(std::string_view text) {
    return starts_with(text, kSiteName) &&
           (text.size() == kSiteName.size() || text[kSiteName.size()] == ' ');
}

bool is_navigation_line(std::string_view text) {
    if (is_site_title(text)) return true;
    for (auto line : kNavigationLines) {
        if (text == line) return true;
    }
    for (auto marker : kNavigationMarkers) {
        if (contains(text, marker)) return true;
    }
    // "LAT Пн, 23. Февраля Завтра: Almants, Haralds" — the language switch, today and name days.
    return starts_with(text, "LAT ") && contains(text, "Завтра:");
}

bool is_comment_widget(std::string_view text, std::optional<int>* count) {
    if (text == "Загрузка" || text == "Загрузка..." || text == "Комментарии" ||
        text == "Оставить комментарий") {
        return true;
    }
    if (starts_with(text, "Комментарии (")) {
        const auto open = text.find('(');
        const auto close = text.find(')', open);
        if (close != std::string_view::npos && count) {
            *count = to_int(text.substr(open + 1, close - open - 1));
        }
        return true;
    }
    return false;
}

Chrome classify_chrome(std::string_view text) {
    if (text.empty()) return Chrome::None;
    // "[photo-1]", "[IMG]": a text browser's stand-in for a picture without a description.
    if (text.front() == '[' && text.back() == ']' && text.size() <= 64 &&
        text.find(' ') == std::string_view::npos)
        return Chrome::Picture;
    // Furniture is short: a consent notice runs to a few sentences, the rest to a line.
    if (text.size() > 800) return Chrome::None;
    // A notice about cookies that asks for consent; a sentence of an article about cookies
    // would not also speak of using them on "this site".
    if (std::any_of(kCookieWords.begin(), kCookieWords.end(),
                    [&](const Phrase& word) { return contains(text, word); }) &&
        (contains(text, "сайт") || contains(text, "site") || contains(text, "vietn") ||
         contains(text, "Согласен") || contains(text, "Принять")))
        return Chrome::Consent;
    // "Поделиться: Facebook X Telegram", "Поделиться Твитнуть": nothing but share targets.
    if (text.size() <= 200) {
        bool all_share = true;
        bool opens = false;
        std::size_t pos = 0;
        int seen = 0;
        while (pos < text.size() && all_share) {
            std::size_t end = text.find(' ', pos);
            if (end == std::string_view::npos) end = text.size();
            std::string_view token = text.substr(pos, end - pos);
            while (!token.empty() && (token.back() == ':' || token.back() == ','))
                token.remove_suffix(1);
            pos = end + 1;
            if (token.empty()) continue;
            if (seen == 0)
                opens = token == "Поделиться" || token == "Поделитесь" || token == "Dalīties" ||
                        token == "Share";
            ++seen;
            all_share =
                std::find(kShareWords.begin(), kShareWords.end(), token) != kShareWords.end();
        }
        if (all_share && (opens || seen >= 3)) return Chrome::Share;
    }
    for (std::string_view label : {"Реклама"sv, "Reklāma"sv, "Advertisement"sv}) {
        if (text == label ||
            (starts_with(text, label) && text.size() > label.size() &&
             (text[label.size()] == ':' || starts_with(text.substr(label.size()), " —"))))
            return Chrome::Advert;
    }
    // "© Site, 2026. Все права защищены. О нас Контакты"
    if ((starts_with(text, "\xC2\xA9") || starts_with(text, "(c) ") ||
         starts_with(text, "Copyright")) &&
        (contains(text, "права защищены") || contains(text, "tiesības aizsargātas") ||
         contains(text, "Все права")))
        return Chrome::Footer;
    return Chrome::None;
}

bool is_button_label(std::string_view text) {
    return std::find(kButtonLabels.begin(), kButtonLabels.end(), text) != kButtonLabels.end();
}

bool is_teaser_heading(std::string_view text) {
    while (!text.empty() && (text.back() == ':' || text.back() == ' '))
        text.remove_suffix(1);
    return std::find(kTeaserHeadings.begin(), kTeaserHeadings.end(), text) != kTeaserHeadings.end();
}

bool is_numeric_date_line(std::string_view text) {
    return text.size() == 10 && text[2] == '.' && text[5] == '.' && is_digits(text.substr(0, 2)) &&
           is_digits(text.substr(3, 2)) && is_digits(text.substr(6, 4));
}

std::optional<CategoryLine> match_category_with_count(std::string_view text) {
    // "<category> N комментариев" (the site always prints the genitive plural, but accept all
    // forms).
    static constexpr std::array kWords{" комментариев"sv, " комментария"sv, " комментарий"sv};
    for (auto word : kWords) {
        if (!ends_with(text, word)) continue;
        std::string_view head = text.substr(0, text.size() - word.size());
        const auto space = head.rfind(' ');
        std::string_view number = space == std::string_view::npos ? head : head.substr(space + 1);
        auto value = to_int(number);
        if (!value || !is_digits(number)) return std::nullopt;
        std::string_view category =
            space == std::string_view::npos ? std::string_view{} : head.substr(0, space);
        if (unicode::count_tokens(category, 5) > 5) return std::nullopt;
        return CategoryLine{std::string(unicode::trim(category)), *value};
    }
    return std::nullopt;
}

bool is_known_category(std::string_view text) {
    for (auto category : kCategories) {
        if (text == category) return true;
    }
    return false;
}

CounterSplit split_headline_counter(std::string_view headline) {
    CounterSplit out{std::string(headline), std::nullopt};
    if (!ends_with(headline, ")")) return out;
    const auto open = headline.rfind('(');
    if (open == std::string_view::npos || open == 0 || headline[open - 1] != ' ') return out;
    std::string_view number = headline.substr(open + 1, headline.size() - open - 2);
    if (!is_digits(number) || number.size() > 6) return out;
    out.count = to_int(number);
    out.text = std::string(unicode::trim(headline.substr(0, open)));
    return out;
}

bool is_credit_line(std::string_view text) {
    const int tokens = unicode::count_tokens(text, 24);
    if (tokens > 24) return false;  // a paragraph: no need to look for the phrases
    for (auto phrase : kCreditPhrases) {
        if (contains(text, phrase)) {
            // The whole line must be the credit, not a description with one attached.
            auto split = split_trailing_credit(text);
            return !split || split->description.empty();
        }
    }
    if (tokens > 8) return false;
    if (ends_sentence(text) && !ends_with(text, ")")) return false;
    return is_credit_source_token(first_token(text));
}

std::optional<CaptionSplit> split_trailing_credit(std::string_view text) {
    // "Name Surname/Copyright …": the credit starts at the run of Latin name tokens before "/".
    if (const auto slash = text.find("/Copyright"); slash != std::string_view::npos) {
        std::size_t start = text.rfind(' ', slash);
        start = start == std::string_view::npos ? 0 : start + 1;
        std::size_t credit_begin = start;
        // Walk back over preceding name tokens ("Sergei Grits").
        while (credit_begin > 0) {
            const std::size_t prev_end = credit_begin - 1;  // the space
            std::size_t prev_begin = text.rfind(' ', prev_end == 0 ? 0 : prev_end - 1);
            prev_begin = prev_begin == std::string_view::npos ? 0 : prev_begin + 1;
            if (prev_begin >= prev_end) break;
            std::string_view token = text.substr(prev_begin, prev_end - prev_begin);
            if (!is_latin_name_token(token) || credit_begin - prev_begin > 40) break;
            credit_begin = prev_begin;
        }
        // A name run of more than three tokens is a Latin sentence, not a photographer.
        if (unicode::count_tokens(text.substr(credit_begin, slash - credit_begin), 3) > 3)
            credit_begin = start;
        return CaptionSplit{std::string(unicode::trim(text.substr(0, credit_begin))),
                            std::string(unicode::trim(text.substr(credit_begin)))};
    }
    if (const auto pos = text.find("(Credit Image:"); pos != std::string_view::npos) {
        std::size_t credit_begin = pos;
        // "Scanpix (Credit Image: …)": include the agency name before the bracket.
        if (pos > 1) {
            std::size_t prev = text.rfind(' ', pos - 2);
            prev = prev == std::string_view::npos ? 0 : prev + 1;
            if (is_credit_source_token(text.substr(prev, pos - 1 - prev))) credit_begin = prev;
        }
        return CaptionSplit{std::string(unicode::trim(text.substr(0, credit_begin))),
                            std::string(unicode::trim(text.substr(credit_begin)))};
    }
    // Markers that share an anchor byte (three of " Фото", two of " Foto") are not looked for
    // again once a search found no such byte at all.
    // (A byte absent from offset k on is absent from any later offset too.)
    std::array<const Phrase*, kInlineCreditMarkers.size()> absent{};
    std::size_t absent_count = 0;
    for (const auto& marker : kInlineCreditMarkers) {
        const char anchor = marker.text[marker.anchor];
        const bool known_absent =
            std::any_of(absent.begin(), absent.begin() + absent_count, [&](const Phrase* m) {
                return m->text[m->anchor] == anchor && m->anchor <= marker.anchor;
            });
        if (known_absent) continue;
        bool anchor_seen = false;
        const std::size_t pos = find_last(text, marker, anchor_seen);
        if (!anchor_seen) absent[absent_count++] = &marker;
        if (pos == std::string_view::npos) continue;
        std::string_view credit = unicode::trim(text.substr(pos));
        if (unicode::count_tokens(credit, 8) > 8) continue;
        return CaptionSplit{std::string(unicode::trim(text.substr(0, pos))), std::string(credit)};
    }
    return std::nullopt;
}

std::string_view printed_twice(std::string_view text, bool glued) {
    const std::size_t n = text.size();
    if (n < 7) return {};
    const std::size_t sep = n % 2;  // an odd length has the space between the halves
    if (sep == 0 && !glued) return {};
    const std::size_t half = (n - sep) / 2;
    if ((sep == 1 && text[half] != ' ') || text.substr(0, half) != text.substr(half + sep))
        return {};
    return text.substr(0, half);
}

bool ends_sentence(std::string_view text) {
    std::string_view s = strip_closers(text);
    if (s.empty()) return false;
    const char last = s.back();
    if (last == '.' || last == '!' || last == '?' || last == ';' || last == ':' || last == ',')
        return true;
    return ends_with(s, "\xE2\x80\xA6");  // …
}

bool ends_with_clause_punctuation(std::string_view text) {
    std::string_view s = strip_closers(text);
    if (s.empty()) return false;
    const char last = s.back();
    return last == '.' || last == ',' || last == ';' || last == ':' || ends_with(s, "\xE2\x80\xA6");
}

}  // namespace pressparse::rules
