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

// The host of an absolute address ("https://user@News.Example.org:8080/a" is
// "news.example.org"), in lower case; nullopt when the address has no scheme or no host.
std::optional<std::string> host(std::string_view address);

}  // namespace pressparse::url
