/**
 * Line-oriented text outputs for the generator: a file writer that buffers lines into chunks
 * of about 1 MB and writes them to a (optionally gzip) stream honouring backpressure, and an
 * in-memory variant with the same interface.
 */

import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";

export interface TextOutput {
  line(text: string): void;
  /** Write buffered lines when the buffer is full; resolves once the stream can take more. */
  maybeFlush(): Promise<void>;
  close(): Promise<void>;
}

const CHUNK = 1 << 20;

/** A chunked file writer with backpressure; gzip-compressed when `gzip` (level 6, mtime 0). */
export function fileOutput(path: string, gzip: boolean): TextOutput {
  const file = createWriteStream(path);
  let target: Writable = file;
  let done: Promise<void>;
  if (gzip) {
    const gz = createGzip({ level: 6 });
    target = gz;
    done = pipeline(gz, file);
  } else {
    done = new Promise<void>((resolve, reject) => {
      file.on("finish", () => resolve());
      file.on("error", reject);
    });
  }
  let parts: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const chunk = parts.join("");
    parts = [];
    size = 0;
    if (!target.write(chunk)) await once(target, "drain");
  };
  return {
    line(text: string): void {
      parts.push(text);
      size += text.length + 1;
      parts.push("\n");
    },
    async maybeFlush(): Promise<void> {
      if (size >= CHUNK) await flush();
    },
    async close(): Promise<void> {
      await flush();
      target.end();
      await done;
      if (gzip) return;
      if (!file.closed) await once(file, "close");
    },
  };
}

/** An in-memory output; `text()` returns everything written. Lines are flattened in chunks. */
export function memoryOutput(): TextOutput & { text(): string } {
  const chunks: string[] = [];
  let parts: string[] = [];
  return {
    line(text: string): void {
      parts.push(text);
      if (parts.length >= 8192) {
        chunks.push(parts.join("\n") + "\n");
        parts = [];
      }
    },
    async maybeFlush(): Promise<void> {},
    async close(): Promise<void> {},
    text(): string {
      return chunks.join("") + (parts.length > 0 ? parts.join("\n") + "\n" : "");
    },
  };
}
