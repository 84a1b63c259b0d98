// evgraph query QUERY ...: questions asked of a store (see include/evgraph/query.h).
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "evgraph/query.h"
#include "load_store_or_report.h"

namespace evgraph::cli {

namespace {

struct QueryOptions {
  std::string store = "events.yaml";
  std::string format = "table";
  std::string output;
  // Arguments of the individual queries.
  std::string from, to, actor, rule, start, end;
  std::size_t top = 0;
  bool ids = false;
};

using QueryRun = std::function<Result<QueryResult>(const Queries&, const QueryOptions&)>;

// PartialDate::parse's reason already names the date.
Diagnostic bad_date(const std::string& text, const std::string& reason) {
  Diagnostic d;
  d.message = reason.empty() ? fmt::format("invalid date '{}'", text) : reason;
  return d;
}

}  // namespace

Command add_query_command(CLI::App& app) {
  auto o = std::make_shared<QueryOptions>();
  auto chosen = std::make_shared<QueryRun>();
  CLI::App* sub = app.add_subcommand(
      "query", "Ask a store: responses, thread, said, between, stance, path, actors (names match aliases, any case)");
  sub->require_subcommand(1);

  auto add = [&](const char* name, const char* description, QueryRun run) {
    CLI::App* q = sub->add_subcommand(name, description);
    q->add_option("--store", o->store, "Store to query")->capture_default_str();
    q->add_option("--format", o->format, "table: aligned columns; json: array of objects; dot: the subgraph")
        ->check(CLI::IsMember({"table", "json", "dot"}))
        ->capture_default_str();
    q->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
    q->callback([chosen, run] { *chosen = run; });
    return q;
  };

  CLI::App* responses = add("responses", "Who responded to whom: from, to, date, evidence, source",
                            [](const Queries& q, const QueryOptions& o) { return q.responses(o.from, o.to); });
  responses->add_option("--from", o->from, "Only responses by this actor");
  responses->add_option("--to", o->to, "Only responses to this actor");

  add("thread", "The chain of responses starting at or reaching an actor, in date order",
      [](const Queries& q, const QueryOptions& o) { return q.thread(o.actor); })
      ->add_option("actor", o->actor, "Actor")
      ->required();
  add("said", "Statements by an actor, in date order",
      [](const Queries& q, const QueryOptions& o) { return q.said(o.actor); })
      ->add_option("actor", o->actor, "Actor")
      ->required();
  CLI::App* between = add("between", "Events whose (possibly partial) date overlaps FROM..TO",
                          [](const Queries& q, const QueryOptions& o) -> Result<QueryResult> {
                            std::string reason;
                            const auto from = PartialDate::parse(o.start, &reason);
                            if (!from) return bad_date(o.start, reason);
                            const auto to = PartialDate::parse(o.end, &reason);
                            if (!to) return bad_date(o.end, reason);
                            return q.between(*from, *to);
                          });
  between->add_option("from", o->start, "First date: YYYY, YYYY-MM or YYYY-MM-DD")->required();
  between->add_option("to", o->end, "Last date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD")->required();
  add("stance", "Who supports and who opposes a rule, with evidence",
      [](const Queries& q, const QueryOptions& o) { return q.stance(o.rule); })
      ->add_option("rule", o->rule, "Rule (or any actor)")
      ->required();
  CLI::App* path = add("path", "Shortest chain of responses and relations between two actors",
                       [](const Queries& q, const QueryOptions& o) { return q.path(o.from, o.to); });
  path->add_option("from", o->from, "First actor")->required();
  path->add_option("to", o->to, "Second actor")->required();
  CLI::App* actors = add("actors", "Actors by activity (events and statements), most active first",
                         [](const Queries& q, const QueryOptions& o) { return q.actors(o.top); });
  actors->add_option("--top", o->top, "Only the N most active");
  actors->add_flag("--ids", o->ids, "Print only actor ids, one per line (for scripts)");

  return {sub, [o, chosen] {
            if (!*chosen) return kExitError;
            int code = kExitOk;
            const std::optional<Store> store = load_store_or_report(o->store, "query", code);
            if (!store) return code;
            const Queries queries(*store);
            const Result<QueryResult> result = (*chosen)(queries, *o);
            if (!result) {
              std::cerr << fmt::format("evgraph query: error: {}\n", result.error().message);
              return kExitError;
            }
            if (!result->note.empty() && !global_options().quiet) std::cerr << result->note << "\n";
            std::string text;
            if (o->ids) {
              const auto column = std::find(result->columns.begin(), result->columns.end(), "actor_id");
              for (const auto& row : result->rows) text += row[column - result->columns.begin()] + "\n";
            } else {
              text = format_query(*result, *parse_query_format(o->format));
            }
            return write_output(o->output, text, "query");
          }};
}

}  // namespace evgraph::cli
