import { forEachPiece } from "./src/io/chunks.ts";
const c0 = process.cpuUsage(); let n = 0;
await forEachPiece("/tmp/m1/admissions.csv", (buf, s, e) => { for (let p = s; p < e; p++) if (buf[p] === 10) n++; });
const c1 = process.cpuUsage(c0);
console.log("lines", n, "cpu user ms", Math.round(c1.user / 1000), "sys", Math.round(c1.system / 1000));
const m = new Map<string, number>(); const c2 = process.cpuUsage();
for (let i = 0; i < 300000; i++) m.set("p" + i.toString(16).padStart(8, "0"), i);
console.log("map 300k cpu", Math.round(process.cpuUsage(c2).user / 1000));
