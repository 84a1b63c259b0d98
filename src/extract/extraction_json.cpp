#include "evgraph/extraction_json.h"

#include <charconv>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fmt/format.h>

#include "evgraph/utf8.h"

namespace evgraph {

using ojson = nlohmann::ordered_json;

namespace {

ojson span_json(const Span& s) { return ojson{{"start", s.start}, {"end", s.end}, {"text", s.text}}; }
ojson optional_string(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }
ojson date_json(const std::optional<PartialDate>& d) { return d ? ojson(d->iso()) : ojson(nullptr); }

struct ParseError {
  std::string message;
};

const nlohmann::json& member(const nlohmann::json& obj, const char* key, std::string_view where) {
  if (!obj.is_object()) throw ParseError{fmt::format("{}: expected an object", where)};
  auto it = obj.find(key);
  if (it == obj.end()) throw ParseError{fmt::format("{}: missing key '{}'", where, key)};
  return *it;
}

std::string get_string(const nlohmann::json& obj, const char* key, std::string_view where, bool nullable = false) {
  const nlohmann::json& v = member(obj, key, where);
  if (v.is_null() && nullable) return {};
  if (!v.is_string()) throw ParseError{fmt::format("{}: '{}' must be a string", where, key)};
  return v.get<std::string>();
}

std::size_t get_offset(const nlohmann::json& obj, const char* key, std::string_view where) {
  const nlohmann::json& v = member(obj, key, where);
  if (!v.is_number_unsigned()) throw ParseError{fmt::format("{}: '{}' must be a non-negative integer", where, key)};
  return v.get<std::size_t>();
}

Span get_span(const nlohmann::json& obj, std::string_view where) {
  Span s{get_offset(obj, "start", where), get_offset(obj, "end", where), get_string(obj, "text", where)};
  if (s.end < s.start) throw ParseError{fmt::format("{}: end before start", where)};
  return s;
}

std::optional<PartialDate> get_date(const nlohmann::json& obj, const char* key, std::string_view where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw ParseError{fmt::format("{}: '{}' must be a date string or null", where, key)};
  std::string error;
  auto d = PartialDate::parse(it->get<std::string>(), &error);
  if (!d) throw ParseError{fmt::format("{}: {}", where, error)};
  return d;
}

const nlohmann::json& array_member(const nlohmann::json& obj, const char* key) {
  const nlohmann::json& v = member(obj, key, "document");
  if (!v.is_array()) throw ParseError{fmt::format("'{}' must be an array", key)};
  return v;
}

int get_index(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number_integer()) return -1;
  return it->get<int>();
}

}  // namespace

// to_json_line writes the same keys directly: change both together.
ojson to_json(const Extraction& x) {
  ojson j;
  j["doc"] = x.doc;
  j["path"] = x.path;
  j["dct"] = x.dct.dct ? ojson(boost::gregorian::to_iso_extended_string(*x.dct.dct)) : ojson(nullptr);
  j["dct_source"] = to_string(x.dct.source);
  ojson meta = ojson::object();
  if (!x.meta.title.empty()) meta["title"] = x.meta.title;
  if (!x.meta.outlet.empty()) meta["outlet"] = x.meta.outlet;
  if (!x.meta.url.empty()) meta["url"] = x.meta.url;
  if (x.meta.published) meta["published"] = x.meta.published->iso();
  j["meta"] = meta;
  ojson timexes = ojson::array();
  for (const Timex& t : x.timexes) {
    ojson tj{{"start", t.start}, {"end", t.end}, {"text", t.text}, {"type", to_string(t.type)},
             {"value", optional_string(t.value)}};
    if (!t.range_max.empty()) tj["range_max"] = t.range_max;
    if (!t.mod.empty()) tj["mod"] = t.mod;
    timexes.push_back(std::move(tj));
  }
  j["timexes"] = std::move(timexes);
  ojson actors = ojson::array();
  for (const ExtractedActor& a : x.actors) {
    ojson mentions = ojson::array();
    for (const Span& m : a.mentions) mentions.push_back(span_json(m));
    actors.push_back(ojson{{"id", a.id}, {"name", a.name}, {"kind", a.kind}, {"aliases", a.aliases},
                           {"mentions", std::move(mentions)}});
  }
  j["actors"] = std::move(actors);
  ojson quotes = ojson::array();
  for (const ExtractedQuote& q : x.quotes) {
    quotes.push_back(ojson{{"start", q.span.start}, {"end", q.span.end}, {"text", q.span.text},
                           {"speaker", optional_string(q.speaker)}, {"cue", optional_string(q.cue)},
                           {"date", date_json(q.date)}});
  }
  j["quotes"] = std::move(quotes);
  ojson events = ojson::array();
  for (const ExtractedEvent& e : x.events) {
    events.push_back(ojson{{"id", e.id}, {"date", date_json(e.date)}, {"actor", optional_string(e.actor)},
                           {"action", e.action}, {"target", optional_string(e.target)},
                           {"quote", e.quote >= 0 ? ojson(e.quote) : ojson(nullptr)},
                           {"evidence", span_json(e.evidence)}});
  }
  j["events"] = std::move(events);
  ojson responses = ojson::array();
  for (const ExtractedResponse& r : x.responses) {
    responses.push_back(ojson{{"from", r.from}, {"to", r.to},
                              {"from_quote", r.from_quote >= 0 ? ojson(r.from_quote) : ojson(nullptr)},
                              {"to_quote", r.to_quote >= 0 ? ojson(r.to_quote) : ojson(nullptr)},
                              {"date", date_json(r.date)}, {"evidence", span_json(r.evidence)}});
  }
  j["responses"] = std::move(responses);
  return j;
}

namespace {

// Writes the line to_json(x).dump() gives, without building the tree (whose
// allocations cost as much as the rest of the output). Keys and their order
// must follow to_json; a test compares the two on extracted articles.
class LineWriter {
 public:
  std::string out;

  LineWriter& raw(std::string_view s) {
    out += s;
    return *this;
  }
  LineWriter& number(std::size_t n) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
    out.append(buffer, end);
    return *this;
  }
  LineWriter& index_or_null(int n) { return n >= 0 ? number(static_cast<std::size_t>(n)) : raw("null"); }
  // Escapes as nlohmann's dump does with UTF-8 kept: quote, backslash and
  // control characters; invalid UTF-8 goes through nlohmann for its replacement.
  LineWriter& string(std::string_view s) {
    if (find_invalid_utf8(s)) return raw(ojson(std::string(s)).dump(-1, ' ', false, ojson::error_handler_t::replace));
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default: out += fmt::format("\\u{:04x}", c);
      }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
    return *this;
  }
  LineWriter& string_or_null(std::string_view s) { return s.empty() ? raw("null") : string(s); }
  LineWriter& date(const std::optional<PartialDate>& d) { return d ? string(d->iso()) : raw("null"); }
  LineWriter& span_fields(const Span& s) {
    return raw("\"start\":").number(s.start).raw(",\"end\":").number(s.end).raw(",\"text\":").string(s.text);
  }
  // "[" item "," item ... "]" with `item` writing one element.
  template <typename Items, typename Write>
  LineWriter& array(const Items& items, Write write) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
      if (!first) out += ',';
      first = false;
      write(item);
    }
    out += ']';
    return *this;
  }
};

}  // namespace

std::string to_json_line(const Extraction& x) {
  LineWriter w;
  w.raw("{\"doc\":").string(x.doc).raw(",\"path\":").string(x.path).raw(",\"dct\":");
  if (x.dct.dct) w.string(boost::gregorian::to_iso_extended_string(*x.dct.dct));
  else w.raw("null");
  w.raw(",\"dct_source\":").string(to_string(x.dct.source)).raw(",\"meta\":{");
  const char* comma = "";
  auto meta = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    w.raw(comma).raw("\"").raw(key).raw("\":").string(value);
    comma = ",";
  };
  meta("title", x.meta.title);
  meta("outlet", x.meta.outlet);
  meta("url", x.meta.url);
  if (x.meta.published) meta("published", x.meta.published->iso());
  w.raw("},\"timexes\":").array(x.timexes, [&](const Timex& t) {
    w.raw("{\"start\":").number(t.start).raw(",\"end\":").number(t.end).raw(",\"text\":").string(t.text);
    w.raw(",\"type\":").string(to_string(t.type)).raw(",\"value\":").string_or_null(t.value);
    if (!t.range_max.empty()) w.raw(",\"range_max\":").string(t.range_max);
    if (!t.mod.empty()) w.raw(",\"mod\":").string(t.mod);
    w.raw("}");
  });
  w.raw(",\"actors\":").array(x.actors, [&](const ExtractedActor& a) {
    w.raw("{\"id\":").string(a.id).raw(",\"name\":").string(a.name).raw(",\"kind\":").string(a.kind);
    w.raw(",\"aliases\":").array(a.aliases, [&](const std::string& alias) { w.string(alias); });
    w.raw(",\"mentions\":").array(a.mentions, [&](const Span& m) { w.raw("{").span_fields(m).raw("}"); });
    w.raw("}");
  });
  w.raw(",\"quotes\":").array(x.quotes, [&](const ExtractedQuote& q) {
    w.raw("{").span_fields(q.span).raw(",\"speaker\":").string_or_null(q.speaker);
    w.raw(",\"cue\":").string_or_null(q.cue).raw(",\"date\":").date(q.date).raw("}");
  });
  w.raw(",\"events\":").array(x.events, [&](const ExtractedEvent& e) {
    w.raw("{\"id\":").string(e.id).raw(",\"date\":").date(e.date).raw(",\"actor\":").string_or_null(e.actor);
    w.raw(",\"action\":").string(e.action).raw(",\"target\":").string_or_null(e.target);
    w.raw(",\"quote\":").index_or_null(e.quote).raw(",\"evidence\":{").span_fields(e.evidence).raw("}}");
  });
  w.raw(",\"responses\":").array(x.responses, [&](const ExtractedResponse& r) {
    w.raw("{\"from\":").string(r.from).raw(",\"to\":").string(r.to);
    w.raw(",\"from_quote\":").index_or_null(r.from_quote).raw(",\"to_quote\":").index_or_null(r.to_quote);
    w.raw(",\"date\":").date(r.date).raw(",\"evidence\":{").span_fields(r.evidence).raw("}}");
  });
  w.raw("}");
  return std::move(w.out);
}

Result<Extraction> extraction_from_json(std::string_view text, std::string_view file_name, int line) {
  auto fail = [&](const std::string& message) {
    Diagnostic d;
    d.file = std::string(file_name);
    d.line = line;
    d.column = 0;
    d.message = message;
    return Result<Extraction>(d);
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return fail(fmt::format("invalid JSON at byte {}", e.byte));
  } catch (const nlohmann::json::exception& e) {
    return fail(fmt::format("unreadable JSON: {}", e.what()));  // e.g. a number out of range ("1E400")
  }
  try {
    if (!j.is_object()) throw ParseError{"expected a JSON object per line"};
    Extraction x;
    x.doc = get_string(j, "doc", "document");
    if (x.doc.empty()) throw ParseError{"'doc' must not be empty"};
    if (auto it = j.find("path"); it != j.end() && it->is_string()) x.path = it->get<std::string>();
    const std::string dct = get_string(j, "dct", "document", true);
    if (!dct.empty()) {
      auto d = PartialDate::parse(dct);
      if (!d || d->precision() != DatePrecision::day) throw ParseError{fmt::format("invalid dct '{}'", dct)};
      x.dct.dct = d->first_day();
    }
    const std::string source = get_string(j, "dct_source", "document");
    if (source == "meta") x.dct.source = DctSource::meta;
    else if (source == "cli") x.dct.source = DctSource::cli;
    else if (source == "inferred") x.dct.source = DctSource::inferred;
    else if (source == "none") x.dct.source = DctSource::none;
    else throw ParseError{fmt::format("unknown dct_source '{}'", source)};
    if (auto it = j.find("meta"); it != j.end() && it->is_object()) {
      const auto& m = *it;
      if (m.contains("title") && m["title"].is_string()) x.meta.title = m["title"];
      if (m.contains("outlet") && m["outlet"].is_string()) x.meta.outlet = m["outlet"];
      if (m.contains("url") && m["url"].is_string()) x.meta.url = m["url"];
      x.meta.published = get_date(m, "published", "meta");
    }
    std::size_t i = 0;
    for (const auto& t : array_member(j, "timexes")) {
      const std::string where = fmt::format("timexes[{}]", i++);
      Timex out;
      out.start = get_offset(t, "start", where);
      out.end = get_offset(t, "end", where);
      out.text = get_string(t, "text", where);
      const std::string type = get_string(t, "type", where);
      if (type == "DATE") out.type = TimexType::date;
      else if (type == "TIME") out.type = TimexType::time;
      else if (type == "DURATION") out.type = TimexType::duration;
      else if (type == "SET") out.type = TimexType::set;
      else throw ParseError{fmt::format("{}: unknown type '{}'", where, type)};
      out.value = get_string(t, "value", where, true);
      if (t.contains("range_max") && t["range_max"].is_string()) out.range_max = t["range_max"];
      if (t.contains("mod") && t["mod"].is_string()) out.mod = t["mod"];
      x.timexes.push_back(std::move(out));
    }
    i = 0;
    for (const auto& a : array_member(j, "actors")) {
      const std::string where = fmt::format("actors[{}]", i++);
      ExtractedActor out;
      out.id = get_string(a, "id", where);
      out.name = get_string(a, "name", where);
      out.kind = get_string(a, "kind", where);
      if (auto it = a.find("aliases"); it != a.end() && it->is_array())
        for (const auto& alias : *it)
          if (alias.is_string()) out.aliases.push_back(alias);
      const auto& mentions = member(a, "mentions", where);
      if (!mentions.is_array()) throw ParseError{where + ": 'mentions' must be an array"};
      for (const auto& m : mentions) out.mentions.push_back(get_span(m, where + ".mentions"));
      x.actors.push_back(std::move(out));
    }
    i = 0;
    for (const auto& q : array_member(j, "quotes")) {
      const std::string where = fmt::format("quotes[{}]", i++);
      ExtractedQuote out;
      out.span = get_span(q, where);
      out.speaker = get_string(q, "speaker", where, true);
      out.cue = get_string(q, "cue", where, true);
      out.date = get_date(q, "date", where);
      x.quotes.push_back(std::move(out));
    }
    i = 0;
    for (const auto& e : array_member(j, "events")) {
      const std::string where = fmt::format("events[{}]", i++);
      ExtractedEvent out;
      out.id = get_string(e, "id", where);
      out.date = get_date(e, "date", where);
      out.actor = get_string(e, "actor", where, true);
      out.action = get_string(e, "action", where);
      out.target = get_string(e, "target", where, true);
      out.quote = get_index(e, "quote");
      out.evidence = get_span(member(e, "evidence", where), where + ".evidence");
      x.events.push_back(std::move(out));
    }
    i = 0;
    for (const auto& r : array_member(j, "responses")) {
      const std::string where = fmt::format("responses[{}]", i++);
      ExtractedResponse out;
      out.from = get_string(r, "from", where);
      out.to = get_string(r, "to", where);
      out.from_quote = get_index(r, "from_quote");
      out.to_quote = get_index(r, "to_quote");
      out.date = get_date(r, "date", where);
      out.evidence = get_span(member(r, "evidence", where), where + ".evidence");
      x.responses.push_back(std::move(out));
    }
    return x;
  } catch (const ParseError& e) {
    return fail(e.message);
  } catch (const nlohmann::json::exception& e) {
    return fail(e.what());
  }
}

}  // namespace evgraph
