// Addresses: a reference on a page resolved against the page's own address.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pressparse::url {

// `ref` resolved against `base` by RFC 3986, section 5.2 ("/a/b" on "https://x.lv/c/d" is
// "https://x.lv/a/b"). `ref` is returned as it is when it has a scheme of its own or when
// `base` has none (no absolute address to resolve against).
std::string resolve(std::string_view base, std::string_view ref);

// `ref` (white space around it dropped) as an absolute http(s) address: resolved against
// `base` (itself resolved against `page`, as <base href> is against the page's address), else
// against `page`. Relative, protocol-relative ("//cdn.x/a.jpg") and dot-segment ("../a.jpg")
// references are resolved; nullopt when no absolute http(s) address comes out (no base to
// resolve against, a data: or javascript: URI, an empty reference), so that a relative address
// is never given out as if it were one.
std::optional<std::string> absolute(const std::optional<std::string>& page,
                                    const std::optional<std::string>& base, std::string_view ref);

// The host of an absolute address ("https://user@News.Example.org:8080/a" is
// "news.example.org"), in lower case; nullopt when the address has no scheme or no host.
std::optional<std::string> host(std::string_view address);

}  // namespace pressparse::url
