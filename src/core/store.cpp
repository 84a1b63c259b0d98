#include "evgraph/store.h"

#include <algorithm>
#include <fmt/format.h>

namespace evgraph {

const char* to_string(Origin origin) { return origin == Origin::curated ? "curated" : "extracted"; }

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const T& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

const Source* Store::find_source(std::string_view id) const { return find_by_id(sources, id); }
const Actor* Store::find_actor(std::string_view id) const { return find_by_id(actors, id); }
const Statement* Store::find_statement(std::string_view id) const { return find_by_id(statements, id); }
const Event* Store::find_event(std::string_view id) const { return find_by_id(events, id); }

const Actor* Store::find_actor_by_name(std::string_view name) const {
  for (const Actor& a : actors)
    if (!a.suppressed && (iequals(a.id, name) || iequals(a.name, name))) return &a;
  for (const Actor& a : actors) {
    if (a.suppressed) continue;
    for (const std::string& alias : a.aliases)
      if (iequals(alias, name)) return &a;
  }
  return nullptr;
}

std::string Store::display_name(std::string_view id) const {
  if (const Actor* a = find_actor(id)) return a->name;
  if (const Statement* s = find_statement(id)) {
    const Actor* speaker = find_actor(s->speaker);
    return fmt::format("statement by {}", speaker ? speaker->name : std::string("unknown"));
  }
  if (const Event* e = find_event(id)) {
    const Actor* actor = find_actor(e->actor);
    return fmt::format("{} {}", actor ? actor->name : std::string("someone"), e->action);
  }
  return std::string(id);
}

}  // namespace evgraph
