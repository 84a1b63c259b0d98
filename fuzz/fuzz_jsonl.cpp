// libFuzzer target: one JSON Lines document record (extract --stdin-jsonl).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "evgraph/corpus_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  (void)evgraph::parse_jsonl_document(line, "<fuzz>", 1);
  return 0;
}
