#!/usr/bin/env node
// Runs dynalite (an open-source DynamoDB engine, in memory) on 127.0.0.1 at a free port and prints
// "listening <port>" once it accepts connections. Run by the end-to-end tests from test/target/dynalite
// after test/pom.xml has installed the locked package there; it lives as long as its parent keeps it.
"use strict";

const dynalite = require("dynalite");

// Tables become ACTIVE at once: the tests wait on nothing the engine merely simulates.
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, "127.0.0.1", () => {
  console.log("listening " + server.address().port);
});
// dynalite rethrows a request's socket error, so a client that gives up mid-request (the rehearsal's app
// stand-ins time out on purpose) would take the engine down with it: a reset connection is the client's affair.
process.on("uncaughtException", (err) => {
  if (err && err.code === "ECONNRESET") {
    return;
  }
  console.error(err);
  process.exit(1);
});
// The JVM that started us closes stdin when it goes: never outlive it.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
