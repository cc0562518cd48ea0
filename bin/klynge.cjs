#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI lives in the built package (dist/cli.cjs).
//
// On Linux, the CLI runs in a child process with glibc's malloc told a fixed mmap threshold
// (MALLOC_MMAP_THRESHOLD_=131072, glibc's own starting value). Left to itself, glibc raises the
// threshold each time a large block is freed, so that later large blocks — the typed columns of a
// national load — come from the heap, where freed ones stay reserved: the process then holds
// several hundred MB it no longer uses (docs/cache.md, "Memory: glibc's mmap threshold"). A
// fixed threshold turns that adjustment off; the variable must be set before the process starts,
// hence the relaunch. Not done when the variable is already set (the caller's choice stands), when
// KLYNGE_RELAUNCH=0, under a debugger, or off Linux; if the child cannot be started at all, the
// CLI runs here as before.
const { spawn } = require("node:child_process");

const MMAP_THRESHOLD = "131072";

function relaunchWanted() {
  if (process.platform !== "linux") return false;
  if (process.env.MALLOC_MMAP_THRESHOLD_ !== undefined) return false;
  if (process.env.KLYNGE_RELAUNCH === "0") return false;
  const inspect = (s) => /--inspect|--debug/.test(s);
  if (process.execArgv.some(inspect) || inspect(process.env.NODE_OPTIONS || "")) return false;
  return true;
}

function runHere() {
  require("../dist/cli.cjs").main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 1; },
  );
}

function relaunch() {
  const env = { ...process.env, MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD };
  const child = spawn(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2)], {
    stdio: "inherit",
    env,
  });
  let started = false;
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  // A signal sent to this process goes on to the CLI, and this process ends as the CLI does (a
  // Ctrl-C in a terminal reaches both: the CLI ends at the first, this process waits for it).
  const forward = (sig) => { if (started) child.kill(sig); };
  for (const sig of signals) process.on(sig, forward);
  child.on("spawn", () => { started = true; });
  child.on("error", (err) => {
    if (started) {
      console.error(err && err.stack ? err.stack : String(err));
      process.exitCode = 1;
      return;
    }
    for (const sig of signals) process.off(sig, forward);
    runHere();
  });
  child.on("exit", (code, signal) => {
    for (const sig of signals) process.off(sig, forward);
    if (signal) {
      // end the same way the child did, so that a caller sees the signal
      process.kill(process.pid, signal);
      return;
    }
    process.exitCode = code === null ? 1 : code;
  });
}

if (relaunchWanted()) relaunch();
else runHere();
