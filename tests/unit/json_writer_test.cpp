#include "pressparse/json_writer.hpp"

#include <gtest/gtest.h>

using namespace pressparse;

TEST(JsonWriter, KeysInSchemaOrderAndNulls) {
    Article a;
    a.input.path = "p.txt";
    a.input.bytes = 3;
    const auto j = to_json(a);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items())
        keys.push_back(k);
    EXPECT_EQ(
        keys,
        (std::vector<std::string>{
            "schema_version",  "input", "site",        "url",         "language",      "headline",
            "source",          "date",  "date_text",   "date_source", "date_modified", "category",
            "description",     "image", "tags",        "comments",    "body",          "related",
            "reader_comments", "stats", "fingerprint", "warnings"}));
    EXPECT_TRUE(j["description"].is_null());
    EXPECT_TRUE(j["image"].is_null());
    EXPECT_TRUE(j["tags"].is_array());
    EXPECT_TRUE(j["tags"].empty());
    EXPECT_EQ(j["schema_version"], 1);
    EXPECT_TRUE(j["headline"].is_null());
    EXPECT_TRUE(j["body"].is_array());
    EXPECT_TRUE(j["reader_comments"].is_array());
    EXPECT_TRUE(j["reader_comments"].empty());
    EXPECT_EQ(j["input"]["format"], "text");
}

TEST(JsonWriter, CaptionsAlwaysCarryCredit) {
    Article a;
    a.body.push_back({BlockType::Caption, std::nullopt, std::string("LETA"), std::nullopt});
    a.body.push_back({BlockType::Caption, std::string("Мост"), std::nullopt, std::nullopt});
    a.body.push_back({BlockType::Paragraph, std::string("Текст."), std::nullopt, std::nullopt});
    const auto j = to_json(a);
    EXPECT_TRUE(j["body"][0]["text"].is_null());
    EXPECT_EQ(j["body"][0]["credit"], "LETA");
    EXPECT_TRUE(j["body"][1]["credit"].is_null());
    EXPECT_FALSE(j["body"][2].contains("credit"));
    // …and an image, null when the figure shows none; other blocks have neither.
    EXPECT_TRUE(j["body"][0]["image"].is_null());
    EXPECT_FALSE(j["body"][2].contains("image"));
}

TEST(JsonWriter, CompactUnescapedUtf8AndInvalidBytesReplaced) {
    Article a;
    a.headline = std::string("Рига \"центр\"\x01");
    const std::string compact = to_json_string(a);
    EXPECT_EQ(compact.find('\n'), std::string::npos);
    EXPECT_NE(compact.find("\"headline\":\"Рига \\\"центр\\\"\\u0001\""), std::string::npos);
    a.headline = std::string("bad \xFF byte");
    EXPECT_NE(to_json_string(a).find("bad \xEF\xBF\xBD byte"), std::string::npos);
}

// The direct writer must print exactly what nlohmann's dump() prints for the same document.
namespace {

void expect_same_as_dom(const Article& a) {
    for (bool pretty : {false, true}) {
        EXPECT_EQ(to_json_string(a, pretty), dump_json(to_json(a), pretty)) << "pretty=" << pretty;
    }
}

}  // namespace

TEST(JsonWriter, DirectWriterMatchesTheDomForEveryShape) {
    Article empty;
    expect_same_as_dom(empty);

    Article a;
    a.input.path = "dir/\"quoted\"\\path\t.txt";
    a.input.bytes = 123456789012ull;
    a.input.warc =
        WarcOrigin{"http://example.test/a?b=c&d", "2026-07-14T07:00:00Z", "<urn:uuid:1>"};
    a.headline = std::string("Рига \x01\x1F\x7F \b\f\n\r\t «кавычки» “quotes” 😀 e\xCC\x81");
    a.source = std::string("");
    a.date_source = DateSource::JsonLd;
    a.comments = 0;
    a.body.push_back({BlockType::Caption, std::nullopt, std::string("LETA"), std::nullopt});
    a.body.push_back({BlockType::Paragraph, std::string("Текст \\ с обратной чертой."),
                      std::nullopt, std::nullopt});
    a.body.push_back({BlockType::ListItem, std::string("пункт"), std::nullopt, std::nullopt});
    a.related.push_back({"Заголовок", std::nullopt, std::string("https://example.lv/a?b=1&c=\"")});
    a.related.push_back({"Ещё", std::string("Лид."), std::nullopt});
    a.reader_comments.push_back(
        {std::string("Анна \"А\""), std::string("July 7, 2012 at 2:31 pm"), "Строка\nвторая"});
    a.reader_comments.push_back({std::nullopt, std::nullopt, "x \x01"});
    a.warnings = {"no publication date found", "1 invalid byte sequence replaced with U+FFFD"};
    a.description = std::string("Описание \"в кавычках\"\n");
    a.image = std::string("https://example.lv/a.jpg?w=1&h=2");
    a.tags = {"тег", "tag \x01"};
    a.body[0].image = std::string("https://example.lv/b.jpg");
    a.stats = {3, 42, 420, 1};
    expect_same_as_dom(a);

    // Invalid UTF-8 (never produced by the readers) still gives valid JSON.
    Article bad;
    bad.headline = std::string("bad \xFF byte");
    EXPECT_NE(to_json_string(bad).find("bad \xEF\xBF\xBD byte"), std::string::npos);
    Article bad_comment;
    bad_comment.reader_comments.push_back({std::nullopt, std::nullopt, "bad \xFF byte"});
    EXPECT_NE(to_json_string(bad_comment).find("bad \xEF\xBF\xBD byte"), std::string::npos);
}

TEST(JsonWriter, EveryIllFormedSequenceInAnyStringFallsBackToTheReplacingWriter) {
    // The writer checks UTF-8 as it writes (no pass before): a surrogate, an overlong form, a
    // code point past U+10FFFF, a lone continuation byte or a sequence cut short, in any string
    // written, gives the JSON nlohmann writes with U+FFFD in its place.
    for (const std::string bad :
         {"\xED\xA0\x80", "\xC0\x80", "\xF4\x90\x80\x80", "\x80", "\xE2\x82", "ok \xD0"}) {
        Article a;
        a.input.path = "p.txt";
        a.headline = "Заголовок " + bad;
        EXPECT_EQ(
            to_json_string(a),
            to_json(a).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
        Article w;
        w.warnings = {"fine", "x" + bad};
        EXPECT_EQ(
            to_json_string(w),
            to_json(w).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
        Article r;
        r.related.push_back({"Заголовок", std::nullopt, std::string("https://e.example/") + bad});
        EXPECT_EQ(
            to_json_string(r),
            to_json(r).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    }
}

// The writer passes eight bytes at once where they are plain ASCII or four two-byte sequences:
// every byte value at every position of such runs (and pairs of bytes across a lane boundary)
// writes what nlohmann's replacing writer writes.
TEST(JsonWriter, EightByteRunsAgreeWithTheDomOnEveryByte) {
    const std::vector<std::string> bases = {"abcdefghijklmnopqrstuvwx",
                                            "\xD0\x96\xD0\xB8\xD0\xB7\xD0\xBD\xD1\x8C\xD0\x9C"
                                            "\xD0\xB8\xD1\x80\xD0\xB0\xCE\xB1\xC4\x81"};
    auto check = [](const std::string& text) {
        Article a;
        a.headline = text;
        ASSERT_EQ(to_json_string(a),
                  to_json(a).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
            << text;
    };
    for (const auto& base : bases) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string text = base;
                text[at] = static_cast<char>(b);
                check(text);
            }
            for (const char* pair : {"\xC1\xBF", "\xC2\x80", "\xDF\xBF", "\xE0\xA0", "\xD0\xD0",
                                     "\x80\xD0", "\"\\", "\x1F\x7F"}) {
                std::string text = base;
                text.replace(at, std::min<std::size_t>(2, base.size() - at), pair);
                check(text);
            }
        }
    }
}

TEST(JsonWriter, MetadataFieldsAndCaptionImage) {
    Article a;
    a.description = std::string("Коротко о мосте.");
    a.image = std::string("https://example.lv/i/most.jpg");
    a.tags = {"Мадона", "мосты"};
    BodyBlock c{BlockType::Caption, std::string("Мост"), std::nullopt,
                std::string("https://example.lv/i/most-2.jpg")};
    a.body.push_back(c);
    const auto j = to_json(a);
    EXPECT_EQ(j["description"], "Коротко о мосте.");
    EXPECT_EQ(j["image"], "https://example.lv/i/most.jpg");
    EXPECT_EQ(j["tags"], (nlohmann::ordered_json{"Мадона", "мосты"}));
    EXPECT_EQ(j["body"][0]["image"], "https://example.lv/i/most-2.jpg");
    expect_same_as_dom(a);
}

// The writer passes sixteen bytes at once where they are printable ASCII and two-byte sequences,
// and reads the last sixteen bytes of a string from its end: every byte value at every position
// of strings around those lengths, of ASCII, of two-byte sequences and of both mixed, writes
// what nlohmann's replacing writer writes for the string alone.
TEST(JsonWriter, SixteenByteRunsAgreeWithTheDefinitionOnEveryByte) {
    Article marker;
    marker.headline = std::string();
    const std::string shell = to_json_string(marker);
    const std::size_t at_value = shell.find("\"headline\":\"\"") + 11;
    auto check = [&](const std::string& text) {
        Article a;
        a.headline = text;
        const std::string expected =
            shell.substr(0, at_value) +
            nlohmann::ordered_json(text).dump(-1, ' ', false,
                                              nlohmann::ordered_json::error_handler_t::replace) +
            shell.substr(at_value + 2);
        ASSERT_EQ(to_json_string(a), expected) << text;
    };
    const std::string ascii = "Plain words, and a few more of them here.";
    const std::string cyrillic = "ЖизньМираВсегоСветаЖизньМира";  // two-byte sequences only
    const std::string mixed = "Мир и труд, май. Рига 2026 г. Все";
    for (const auto& base : {ascii, cyrillic, mixed}) {
        for (std::size_t length : {15u, 16u, 17u, 18u, 31u, 32u, 33u, 34u, 40u}) {
            std::string text = base.substr(0, std::min(length, base.size()));
            for (std::size_t at = 0; at < text.size(); ++at) {
                for (int b = 0; b < 256; ++b) {
                    std::string t = text;
                    t[at] = static_cast<char>(b);
                    check(t);
                }
                for (const char* piece : {"\xE2\x80\x94", "\xF0\x9F\x98\x80", "\xC2\xAB", "\"\\",
                                          "\xD0", "\x80\x80", "\xC1\xBF", "\x1F\x7F"}) {
                    std::string t = text;
                    t.insert(at, piece);
                    check(t);
                }
            }
        }
    }
}

// The writer writes through one scratch string per thread, kept from article to article: an
// article after a longer one, after one whose output outgrew the scratch several times over
// (strings of control characters, six bytes each), and after one far past the size the scratch
// keeps, gives exactly its own text; a line is the same text and its newline, an ill-formed
// one included.
TEST(JsonWriter, EachArticleGivesItsOwnTextWhateverWasWrittenBefore) {
    auto article = [](std::size_t paragraphs, std::size_t paragraph_bytes, char fill) {
        Article a;
        a.input.path = "page-" + std::to_string(paragraphs) + ".txt";
        a.headline = std::string(paragraph_bytes / 2, fill);
        for (std::size_t i = 0; i < paragraphs; ++i)
            a.body.push_back({BlockType::Paragraph, std::string(paragraph_bytes, fill),
                              std::nullopt, std::nullopt});
        a.stats = {static_cast<int>(paragraphs), 7, 70, 1};
        return a;
    };
    const Article short_one = article(1, 10, 'x');
    const std::string short_text = dump_json(to_json(short_one));
    for (const Article& before : {article(40, 300, 'y'), article(8, 5000, '\x01'),
                                  article(3, 3u << 20, 'z'), article(2, 1u << 20, '\x02')}) {
        ASSERT_EQ(to_json_string(before), dump_json(to_json(before)));
        EXPECT_EQ(to_json_string(short_one), short_text);
        ASSERT_EQ(to_json_line(before), dump_json(to_json(before)) + "\n");
        EXPECT_EQ(to_json_line(short_one), short_text + "\n");
        EXPECT_EQ(to_json_string(short_one, true), dump_json(to_json(short_one), true));
    }
    Article bad = short_one;
    bad.headline = std::string("bad \xFF byte");
    EXPECT_EQ(to_json_line(bad), dump_json(to_json(bad)) + "\n");
    EXPECT_EQ(to_json_string(short_one), short_text);
}

// Every write of the writer asks for the room it fills: with keys, strings, numbers and nulls
// landing at every offset around the ends of the scratch string as it grows (16 KiB, then
// doubled), the text is nlohmann's. (A key that asked for one byte too few put the cursor past
// the end, and writes after it overran the heap.)
TEST(JsonWriter, WritesAtEveryOffsetAroundTheScratchEndsAreWhole) {
    for (std::size_t pad = 0; pad < 48; ++pad) {
        Article a;
        a.input.path = std::string(pad, 'p');
        for (int i = 0; i < 1400; ++i) {
            Related item;
            item.title = std::to_string(i);
            if (i % 3 == 0) item.url = std::string("u");
            a.related.push_back(item);
        }
        a.stats = {1, 2, 3, 4};
        ASSERT_EQ(to_json_string(a), dump_json(to_json(a))) << "pad " << pad;
        ASSERT_EQ(to_json_line(a), dump_json(to_json(a)) + "\n") << "pad " << pad;
    }
}
