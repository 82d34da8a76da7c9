// pressparse: the command line. Maps options to library calls and errors to exit codes;
// decides nothing about pages.
//
// Exit status: 0 success; 1 an input could not be extracted, or `check` found differences;
// 2 usage error or a failure to write the output.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "pressparse/errors.hpp"
#include "pressparse/golden.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"
#include "pressparse/version.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputFailed = 1;
constexpr int kExitUsage = 2;

// Writes all of `text` to stdout; a closed pipe ends the program quietly, other failures
// (a full disk) are reported.
int write_stdout(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() ||
        std::fflush(stdout) != 0) {
        if (errno == EPIPE) return kExitOk;
        std::fprintf(stderr, "pressparse: stdout: %s\n", std::strerror(errno));
        return kExitUsage;
    }
    return kExitOk;
}

std::optional<pressparse::InputFormat> parse_input_format(const std::string& name) {
    if (name == "text") return pressparse::InputFormat::Text;
    if (name == "html") return pressparse::InputFormat::Html;
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);

    CLI::App app{
        "pressparse — turns saved Press.lv pages (text dumps or HTML) into structured JSON "
        "articles."};
    app.set_version_flag("--version", std::string("pressparse ") + PRESSPARSE_VERSION);
    app.footer(R"(Examples:
  pressparse page.txt                 one article as compact JSON
  pressparse --pretty page.txt        indented
  cat page.txt | pressparse -         a page on standard input
  pressparse check data/              compare pages with their .expected.json files
  pressparse check --update data/x.txt   rewrite an expected file after a deliberate change

Exit status: 0 success, 1 an input failed (or check found differences), 2 usage or output error.)");

    // Usage errors are one line, like every other error.
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return std::string("pressparse: ") + e.what() + " (see --help)\n";
    });

    std::string input;
    bool pretty = false;
    std::string input_format = "auto";
    std::uint64_t max_bytes = pressparse::kDefaultMaxBytes;

    app.add_option("FILE", input, "Saved page to read, or - for standard input");
    app.add_flag("--pretty", pretty, "Indent the JSON output");
    app.add_option("--input-format", input_format,
                   "Input format: auto (from the content), text or html")
        ->check(CLI::IsMember({"auto", "text", "html"}));
    app.add_option("--max-bytes", max_bytes, "Refuse inputs larger than this many bytes")
        ->capture_default_str();

    auto* check = app.add_subcommand(
        "check", "Compare pages with their expected JSON (page.txt ↔ page.expected.json)");
    std::vector<std::string> check_paths;
    bool update = false;
    std::vector<std::string> ignore;
    check
        ->add_option("PATH", check_paths, "Pages, or directories holding pages with expected files")
        ->required();
    check->add_flag("--update", update, "Rewrite the expected files from the current output");
    check->add_option("--ignore", ignore,
                      "A field to leave out of the comparison (e.g. stats, body[0].text)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    pressparse::ExtractOptions options;
    options.format = parse_input_format(input_format);
    options.max_bytes = max_bytes;

    if (*check) {
        pressparse::CheckOptions check_options;
        check_options.update = update;
        check_options.ignore = ignore;
        check_options.extract = options;
        const auto cases = pressparse::find_golden_cases(check_paths);
        if (cases.empty()) {
            std::fprintf(stderr, "pressparse: check: no pages with expected files found\n");
            return kExitInputFailed;
        }
        const auto summary = pressparse::run_golden_check(cases, check_options, std::cout);
        std::cout.flush();
        return summary.failed == 0 ? kExitOk : kExitInputFailed;
    }

    if (input.empty()) {
        std::fprintf(stderr,
                     "pressparse: no input given (a FILE, or - for standard input); see --help\n");
        return kExitUsage;
    }

    std::string output;
    try {
        output =
            pressparse::to_json_string(pressparse::extract_file(input, options), pretty) + "\n";
    } catch (const pressparse::InputError& e) {
        std::fprintf(stderr, "pressparse: %s: %s\n", input.c_str(), e.what());
        return kExitInputFailed;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pressparse: %s: internal error: %s\n", input.c_str(), e.what());
        return kExitInputFailed;
    }
    return write_stdout(output);
}
