import { StringDictionary } from "./src/io/dictionary.ts";
import { loadDataset } from "./src/index.ts";
let calls = 0; const orig = StringDictionary.prototype.id;
StringDictionary.prototype.id = function (s: string) { calls++; return orig.call(this, s); };
const ds = await loadDataset("/tmp/mid");
console.log("rows", ds.contacts.length, "id calls", calls, "patients", ds.contacts.patientIds.length);
