#include "url.hpp"

#include <optional>

namespace pressparse::url {

namespace {

struct Parts {
    std::optional<std::string_view> scheme;
    std::optional<std::string_view> authority;
    std::string_view path;
    std::optional<std::string_view> query;
    std::optional<std::string_view> fragment;
};

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 3986, appendix B, without a regular expression.
Parts split(std::string_view s) {
    Parts p;
    if (const auto hash = s.find('#'); hash != std::string_view::npos) {
        p.fragment = s.substr(hash + 1);
        s = s.substr(0, hash);
    }
    if (const auto q = s.find('?'); q != std::string_view::npos) {
        p.query = s.substr(q + 1);
        s = s.substr(0, q);
    }
    if (!s.empty() && is_alpha(s[0])) {
        std::size_t i = 1;
        while (i < s.size() && (is_alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
                                s[i] == '-' || s[i] == '.'))
            ++i;
        if (i < s.size() && s[i] == ':') {
            p.scheme = s.substr(0, i);
            s = s.substr(i + 1);
        }
    }
    if (s.substr(0, 2) == "//") {
        s = s.substr(2);
        const auto slash = s.find('/');
        p.authority = s.substr(0, slash);
        s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
    }
    p.path = s;
    return p;
}

// RFC 3986, section 5.2.4.
std::string remove_dot_segments(std::string_view in) {
    std::string out;
    while (!in.empty()) {
        if (in.substr(0, 3) == "../") {
            in.remove_prefix(3);
        } else if (in.substr(0, 2) == "./" || in.substr(0, 3) == "/./") {
            in.remove_prefix(2);  // "./x" → "x", "/./x" → "/x"
        } else if (in == "/.") {
            in = "/";
        } else if (in.substr(0, 4) == "/../" || in == "/..") {
            in = in.size() == 3 ? std::string_view("/") : in.substr(3);
            const auto last = out.rfind('/');
            out.resize(last == std::string::npos ? 0 : last);
        } else if (in == "." || in == "..") {
            in = {};
        } else {
            const auto next = in.find('/', 1);
            out.append(in.substr(0, next));
            in = next == std::string_view::npos ? std::string_view{} : in.substr(next);
        }
    }
    return out;
}

}  // namespace

std::string resolve(std::string_view base_text, std::string_view ref_text) {
    const Parts base = split(base_text);
    const Parts ref = split(ref_text);
    if (ref.scheme || !base.scheme) return std::string(ref_text);

    std::string path;
    std::optional<std::string_view> authority = base.authority;
    std::optional<std::string_view> query = base.query;
    if (ref.authority) {
        authority = ref.authority;
        path = remove_dot_segments(ref.path);
        query = ref.query;
    } else if (ref.path.empty()) {
        path = std::string(base.path);
        if (ref.query) query = ref.query;
    } else {
        if (ref.path.front() == '/') {
            path = remove_dot_segments(ref.path);
        } else {
            std::string merged;
            if (base.authority && base.path.empty()) {
                merged = "/";
            } else {
                const auto slash = base.path.rfind('/');
                if (slash != std::string_view::npos)
                    merged = std::string(base.path.substr(0, slash + 1));
            }
            merged += ref.path;
            path = remove_dot_segments(merged);
        }
        query = ref.query;
    }

    std::string out(*base.scheme);
    out += ':';
    if (authority) {
        out += "//";
        out += *authority;
    }
    out += path;
    if (query) {
        out += '?';
        out += *query;
    }
    if (ref.fragment) {
        out += '#';
        out += *ref.fragment;
    }
    return out;
}

namespace {

bool is_http(std::string_view address) {
    const Parts p = split(address);
    if (!p.scheme || !p.authority || p.authority->empty()) return false;
    std::string scheme(*p.scheme);
    for (char& c : scheme)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return scheme == "http" || scheme == "https";
}

std::string_view trim_spaces(std::string_view s) {
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<std::string> absolute(const std::optional<std::string>& page,
                                    const std::optional<std::string>& base, std::string_view ref) {
    ref = trim_spaces(ref);
    if (ref.empty()) return std::nullopt;
    if (split(ref).scheme) {
        if (!is_http(ref)) return std::nullopt;
        return std::string(ref);
    }
    std::optional<std::string> against;
    if (page && is_http(*page)) against = std::string(trim_spaces(*page));
    if (base) {
        const std::string_view b = trim_spaces(*base);
        if (!b.empty()) {
            if (split(b).scheme) {
                if (is_http(b)) against = std::string(b);
            } else if (against) {
                against = resolve(*against, b);
            }
        }
    }
    if (!against || !is_http(*against)) return std::nullopt;
    std::string out = resolve(*against, ref);
    if (!is_http(out)) return std::nullopt;
    return out;
}

std::optional<std::string> host(std::string_view address) {
    const Parts p = split(address);
    if (!p.scheme || !p.authority) return std::nullopt;
    std::string_view h = *p.authority;
    if (const auto at = h.rfind('@'); at != std::string_view::npos) h.remove_prefix(at + 1);
    if (!h.empty() && h.front() == '[') {  // an IPv6 literal keeps its brackets
        h = h.substr(0, h.find(']') == std::string_view::npos ? h.size() : h.find(']') + 1);
    } else if (const auto colon = h.find(':'); colon != std::string_view::npos) {
        h = h.substr(0, colon);
    }
    while (!h.empty() && h.back() == '.')
        h.remove_suffix(1);
    if (h.empty()) return std::nullopt;
    std::string out(h);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace pressparse::url
