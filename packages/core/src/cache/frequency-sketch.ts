/**
 * About how often each key was asked for lately, in fixed memory: a count-min sketch (four
 * counters per key, the smallest wins) whose counters are all halved every `10 × capacity`
 * additions, so popularity fades. It is TinyLFU's admission filter (Einziger, Friedman and Manes,
 * 2017; Caffeine uses the same). With 16 counters per entry the cache can hold, a counter gathers
 * about 2.5 other keys' counts before it is halved.
 */
export class FrequencySketch {
  private readonly counters: Uint8Array;
  private readonly mask: number;
  private readonly sampleSize: number;
  private additions = 0;

  constructor(capacity: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(64, capacity * 16)));
    this.counters = new Uint8Array(size);
    this.mask = size - 1;
    this.sampleSize = capacity * 10;
  }

  increment(key: string): void {
    const [first, step] = hashes(key);
    for (let i = 0; i < 4; i++) {
      const index = (first + i * step) & this.mask;
      if (this.counters[index]! < 255) this.counters[index]!++;
    }
    if (++this.additions >= this.sampleSize) this.age();
  }

  frequency(key: string): number {
    const [first, step] = hashes(key);
    let least = 255;
    for (let i = 0; i < 4; i++) least = Math.min(least, this.counters[(first + i * step) & this.mask]!);
    return least;
  }

  private age(): void {
    for (let i = 0; i < this.counters.length; i++) this.counters[i]! >>= 1;
    this.additions = 0;
  }
}

/** Two 32-bit hashes of the key (FNV-1a, and a mix of it made odd) for double hashing. */
function hashes(key: string): [number, number] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  let step = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  step = (step ^ (step >>> 16)) | 1;
  return [hash >>> 0, step >>> 0];
}
