#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "evgraph/span_capture.h"
#include "evgraph/timex.h"
#include "evgraph/timex_resources.h"

namespace fs = std::filesystem;

namespace {

// A throwaway --resources directory holding one file.
struct OverrideDir {
  fs::path root;
  OverrideDir(const std::string& relative, const std::string& content) {
    root = fs::temp_directory_path() / fs::path("evgraph_timex_test_" + std::to_string(::getpid()) + "_" +
                                                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << content;
  }
  ~OverrideDir() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

std::string load_error(const OverrideDir& dir) {
  try {
    evgraph::load_timex_resources(evgraph::Resources::with_override(dir.root));
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("timex resources: the built-in files load and every rule has a value") {
  const evgraph::TimexResources res = evgraph::load_timex_resources(evgraph::Resources::builtin());
  CHECK(res.rules.size() > 80);
  int negatives = 0;
  for (const evgraph::TimexRule& rule : res.rules) {
    CAPTURE(rule.name);
    const std::size_t percent = rule.pattern.find('%');  // every %pattern expanded; a literal % may stay
    CHECK((percent == std::string::npos || percent + 1 == rule.pattern.size() || !std::isalpha(static_cast<unsigned char>(rule.pattern[percent + 1]))));
    if (rule.negative) ++negatives;
    else CHECK_FALSE(rule.value.empty());
  }
  CHECK(negatives >= 10);
  CHECK(res.norms.at("month").at("sept") == "09");
  CHECK(res.tense.auxiliaries.at("will") == evgraph::Tense::future);
  CHECK(res.tense.governors.at("of record") == evgraph::Tense::future);
  CHECK(res.tense.governors.at("by") == evgraph::Tense::future);
  CHECK(res.tense.nearest_governors.count("by") == 1);
  CHECK(res.tense.nearest_governors.count("payable") == 0);
  CHECK(res.tense.governor_words >= 2);
  CHECK(res.tense.steady.count("planning") == 1);
  CHECK(res.tense.words.at("planning") == evgraph::Tense::future);
  CHECK(res.tense.perfect.count("had") == 1);
  CHECK(res.tense.auxiliaries.at("had") == evgraph::Tense::past);
  CHECK(std::find(res.tense.determiners.begin(), res.tense.determiners.end(), "the") != res.tense.determiners.end());
}

TEST_CASE("timex resources: governors are phrases of one or more words") {
  OverrideDir empty("en/timex/tense_cues.txt", ">  no  later than  future\n>since past\n");
  const evgraph::TimexResources res = evgraph::load_timex_resources(evgraph::Resources::with_override(empty.root));
  CHECK(res.tense.governors.at("no later than") == evgraph::Tense::future);
  CHECK(res.tense.governors.at("since") == evgraph::Tense::past);
  CHECK(res.tense.governor_words == 3);
  OverrideDir bad("en/timex/tense_cues.txt", "> future\n");
  CHECK(load_error(bad).find("a governor needs a word") != std::string::npos);
  OverrideDir wrong("en/timex/tense_cues.txt", ">until soon\n");
  CHECK(load_error(wrong).find("unknown tense 'soon'") != std::string::npos);
}

TEST_CASE("timex resources: malformed files are reported with file and line") {
  {
    OverrideDir dir("en/timex/rules_extra.txt", "# test\nrule broken\ntype DATE\nmatch \\bfoo\\b\n");
    CHECK(load_error(dir) == (dir.root / "en/timex/rules_extra.txt").string() + ":2: error: rule 'broken' has no 'value'");
  }
  {
    OverrideDir dir("en/timex/rules_extra.txt", "rule r\ntype DATE\nmatch %nosuch\nvalue X\n");
    CHECK(load_error(dir) ==
          (dir.root / "en/timex/rules_extra.txt").string() + ":3: error: unknown pattern '%nosuch' (no pattern_nosuch.txt)");
  }
  {
    OverrideDir dir("en/timex/rules_extra.txt", "rule r\ntype EVENT\n");
    CHECK(load_error(dir) == (dir.root / "en/timex/rules_extra.txt").string() +
                                 ":2: error: unknown type 'EVENT' (expected DATE, TIME, DURATION or SET)");
  }
  {
    OverrideDir dir("en/timex/rules_extra.txt", "rule date_year\ntype DATE\nmatch x\nvalue X\n");
    CHECK(load_error(dir).find("duplicate rule name 'date_year'") != std::string::npos);
  }
  {
    OverrideDir dir("en/timex/norm_extra.txt", "lonely\n");
    CHECK(load_error(dir) == (dir.root / "en/timex/norm_extra.txt").string() + ":1: error: expected '<key> <value>', got 'lonely'");
  }
  {
    OverrideDir dir("en/timex/rules_extra.txt", "rule bad_regex\ntype DATE\nmatch (unclosed\nvalue X\n");
    try {
      evgraph::TimexTagger tagger(evgraph::Resources::with_override(dir.root));
      FAIL("expected an error");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).find("rules_extra.txt:1: error: rule 'bad_regex': invalid regex") != std::string::npos);
    }
  }
}

TEST_CASE("timex resources: an override directory changes the tagger without code") {
  OverrideDir dir("en/timex/rules_extra.txt",
                  "# a house style: \"the morrow\" is tomorrow\nrule date_the_morrow\ntype DATE\nmatch \\bthe\\s+morrow\\b\nvalue @dct(D,1)\n");
  const evgraph::TimexTagger tagger(evgraph::Resources::with_override(dir.root));
  const auto found = tagger.tag("We sail on the morrow.", boost::gregorian::date(2025, 5, 9));
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "the morrow");
  CHECK(found[0].value == "2025-05-10");
}

TEST_CASE("timex resources: a rule's scan pattern is what Hyperscan looks for, the match what is tagged") {
  const auto tag_with = [](const std::string& scan_line, std::string_view text) {
    OverrideDir dir("en/timex/rules_extra.txt",
                    "rule date_the_morrow\ntype DATE\nmatch \\bthe\\s+morrow\\b\n" + scan_line + "value @dct(D,1)\n");
    const evgraph::TimexTagger tagger(evgraph::Resources::with_override(dir.root));
    std::vector<std::string> texts;
    for (const evgraph::Timex& t : tagger.tag(text, boost::gregorian::date(2025, 5, 9)))
      if (t.value == "2025-05-10") texts.push_back(t.text);
    return texts;
  };
  const std::string_view text = "A morrow is no promise; we sail on the morrow.";
  // The scan ends wherever the rule can: the same expressions, the start found by the rule.
  CHECK(tag_with("scan morrow\\b\n", text) == std::vector<std::string>{"the morrow"});
  CHECK(tag_with("", text) == std::vector<std::string>{"the morrow"});
  // A scan that never ends where the rule does hides the rule: the scan is what is searched.
  CHECK(tag_with("scan \\bzzqx\\b\n", text).empty());
  // The scan's last end is no match ("A morrow"): the rule's earlier matches still count.
  CHECK(tag_with("scan morrow\\b\n", "We sail on the morrow. A morrow is no promise.") ==
        std::vector<std::string>{"the morrow"});
}

TEST_CASE("timex tagger: groups are the same whether PCRE2 or RE2 captures them") {
  // An unescaped "." keeps a rule with RE2 (span_capture.h); the same rule without one
  // goes to PCRE2's JIT. Both must give the value its groups make.
  const auto tag_with = [](const std::string& match) {
    OverrideDir dir("en/timex/rules_extra.txt",
                    "rule date_days_hence\ntype DATE\nmatch " + match + "\nvalue @dct(D,{num})\n");
    const evgraph::TimexTagger tagger(evgraph::Resources::with_override(dir.root));
    std::vector<std::string> found;
    for (const evgraph::Timex& t : tagger.tag("They return 3 days hence, not 30 days hence.", boost::gregorian::date(2025, 5, 9)))
      found.push_back(t.text + "=" + t.value);
    return found;
  };
  CHECK(evgraph::SpanCapture("\\b(?P<num>[0-9]+)\\s+days?\\s+hence\\b", false).ok());
  CHECK_FALSE(evgraph::SpanCapture("\\b(?P<num>[0-9]+)\\s+days?\\s+hen.e\\b", false).ok());
  const std::vector<std::string> expected{"3 days hence=2025-05-12", "30 days hence=2025-06-08"};
  CHECK(tag_with("\\b(?P<num>[0-9]+)\\s+days?\\s+hence\\b") == expected);
  CHECK(tag_with("\\b(?P<num>[0-9]+)\\s+days?\\s+hen.e\\b") == expected);
}

TEST_CASE("timex tagger: a word boundary the scan leaves out is still checked") {
  // Hyperscan scans the rules without their leading \b; RE2 puts it back.
  const evgraph::TimexTagger tagger(evgraph::Resources::builtin());
  std::vector<std::string> texts;
  for (const evgraph::Timex& t : tagger.tag("Filed in 1997 under code x1998 and 21999.", boost::gregorian::date(2025, 5, 9)))
    texts.push_back(t.text);
  CHECK(texts == std::vector<std::string>{"1997"});
}

TEST_CASE("timex resources: the built-in scan patterns change nothing the rules find") {
  // The rule files with their `scan` lines taken out, as an override: every rule
  // scanned with its own `match`. The tagger must find exactly the same on real text.
  const fs::path root = fs::temp_directory_path() / ("evgraph_noscan_" + std::to_string(::getpid()));
  const evgraph::Resources& builtin = evgraph::Resources::builtin();
  int scans = 0;
  for (const std::string& path : builtin.list("en/timex/")) {
    if (path.find("/rules_") == std::string::npos) continue;
    std::string kept;
    std::istringstream lines(*builtin.read(path));
    for (std::string line; std::getline(lines, line);)
      if (line.rfind("scan ", 0) == 0) ++scans;
      else kept += line + "\n";
    fs::create_directories((root / path).parent_path());
    std::ofstream(root / path) << kept;
  }
  CHECK(scans > 0);
  const evgraph::TimexTagger with_scans(builtin);
  const evgraph::TimexTagger without_scans(evgraph::Resources::with_override(root));
  // Both taggers on `text`: the same expressions; returns how many.
  const auto same_on = [&](const std::string& text) {
    const auto a = with_scans.tag(text, boost::gregorian::date(2025, 6, 1));
    const auto b = without_scans.tag(text, boost::gregorian::date(2025, 6, 1));
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].start == b[i].start);
      CHECK(a[i].end == b[i].end);
      CHECK(a[i].value == b[i].value);
    }
    return a.size();
  };
  std::size_t documents = 0, expressions = 0;
  for (const auto& entry : fs::directory_iterator(EVGRAPH_SOURCE_DIR "/tests/corpus/articles")) {
    std::ifstream in(entry.path(), std::ios::binary);
    expressions += same_on(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
    ++documents;
  }
  // Text written to hit the scanned rules: ages, versions, "ago", ranges, clock times.
  const std::string probe =
      "The 45-year-old engineer shipped Tool 2.5 and Widget v3.1 three years ago, about two to three years "
      "after the merger; talks resumed at 14:30 GMT, some 18 months or so later, in the years before the vote. "
      "Nearly four years and a half later, the past three years and the last two quarters, since '98, "
      "for five more weeks.";
  CHECK(same_on(probe) >= 8);
  CHECK(documents >= 20);
  CHECK(expressions > 100);
  std::error_code ec;
  fs::remove_all(root, ec);
}
