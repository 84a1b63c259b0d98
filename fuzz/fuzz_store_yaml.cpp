// libFuzzer target: the events.yaml reader. Any input gives a store or
// diagnostics; a store that loads must write back to text that loads again
// to the same bytes (the writer is deterministic and the reader accepts it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "evgraph/store_yaml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  evgraph::Diagnostics diags;
  const auto store = evgraph::parse_store(yaml, "fuzz.yaml", diags);
  if (!store) return 0;
  const std::string written = evgraph::format_store(*store);
  evgraph::Diagnostics again;
  const auto reloaded = evgraph::parse_store(written, "written.yaml", again);
  if (!reloaded || evgraph::format_store(*reloaded) != written) std::abort();
  return 0;
}
