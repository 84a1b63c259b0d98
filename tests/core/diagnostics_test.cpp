#include <doctest/doctest.h>

#include "evgraph/diagnostics.h"

TEST_CASE("diagnostics print file:line:col, the line and a caret") {
  evgraph::Diagnostics diags;
  diags.error("events.yaml", 3, 5, "unknown key 'datee' in event", "    datee: 2025-05-03");
  CHECK(diags.has_errors());
  CHECK(diags.items()[0].format() ==
        "events.yaml:3:5: error: unknown key 'datee' in event\n"
        "    datee: 2025-05-03\n"
        "    ^\n");
}

TEST_CASE("a diagnostic without position names only the file") {
  evgraph::Diagnostic d;
  d.file = "a.txt";
  d.message = "invalid UTF-8 at byte 12";
  CHECK(d.format() == "a.txt: error: invalid UTF-8 at byte 12\n");
}

TEST_CASE("locate finds line, column and line text of a byte offset") {
  auto lc = evgraph::locate("one\ntwo\nthree", 9);
  CHECK(lc.line == 3);
  CHECK(lc.column == 2);
  CHECK(lc.line_text == "three");
}
