// The peer benchmark: chrono-node (a popular JavaScript date parser) over the
// same JSON Lines corpus as bench_extract's timex mode, like for like: dates
// only, one chrono.parse(text, referenceDate) per document, one thread.
//
//   NODE_PATH=build/bench/node/node_modules node bench/chrono_peer.js CORPUS.jsonl [--runs 3] [--max-mb N]
//
// Prints a table line per run and "RESULT chrono_mbps=..." (median) for scripts.
"use strict";
const fs = require("fs");
const readline = require("readline");
const chrono = require("chrono-node");

async function runOnce(corpus, maxBytes) {
  const lines = readline.createInterface({ input: fs.createReadStream(corpus), crlfDelay: Infinity });
  let bytes = 0, docs = 0, found = 0, parseMs = 0;
  const start = process.hrtime.bigint();
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (maxBytes && bytes >= maxBytes) break;
    const record = JSON.parse(line);
    const ref = record.published ? new Date(record.published + "T12:00:00Z") : new Date(Date.UTC(2025, 0, 1));
    const t0 = process.hrtime.bigint();
    found += chrono.parse(record.text, ref).length;
    parseMs += Number(process.hrtime.bigint() - t0) / 1e6;
    bytes += Buffer.byteLength(record.text, "utf8");
    docs += 1;
  }
  lines.close();
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { bytes, docs, found, parseMs, totalMs };
}

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length < 1) {
    console.error("usage: chrono_peer.js CORPUS.jsonl [--runs N] [--max-mb N]");
    process.exit(2);
  }
  const corpus = args[0];
  let runs = 3, maxBytes = 0;
  for (let i = 1; i + 1 < args.length; i += 2) {
    if (args[i] === "--runs") runs = Math.max(1, parseInt(args[i + 1], 10));
    else if (args[i] === "--max-mb") maxBytes = parseFloat(args[i + 1]) * 1e6;
    else { console.error("chrono_peer.js: unknown option " + args[i]); process.exit(2); }
  }
  const rates = [], parseRates = [];
  let last;
  for (let r = 0; r < runs; r++) {
    last = await runOnce(corpus, maxBytes);
    const mb = last.bytes / 1e6;
    rates.push(mb / (last.totalMs / 1000));
    parseRates.push(mb / (last.parseMs / 1000));
    console.log(`chrono-node run ${r + 1}: ${mb.toFixed(1)} MB, ${last.docs} docs, ${last.found} dates, ` +
                `${(last.totalMs / 1000).toFixed(2)} s total (${(last.parseMs / 1000).toFixed(2)} s in chrono.parse)`);
  }
  console.log(`RESULT chrono_mbps=${median(rates).toFixed(4)}`);
  console.log(`RESULT chrono_parse_only_mbps=${median(parseRates).toFixed(4)}`);
  console.log(`RESULT chrono_mb=${(last.bytes / 1e6).toFixed(2)}`);
}

main().catch((e) => { console.error(e); process.exit(2); });
