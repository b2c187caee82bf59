/**
 * A tiny WebAssembly kernel for the prefilter's hot loop, assembled here from named opcodes (no
 * toolchain, about 150 bytes). Memory holds the trigram table at offset 0 and the file's bytes at
 * `dataOffset`. `find(start, end, h)` walks four bytes at a time from `start`, continuing the
 * rolling hash `h`, and returns the start of the first four-byte group in which some position's
 * trigram hash is marked in the table, or -1 when fewer than four bytes are left.
 *
 * In JavaScript terms, per byte: `h = ((h << shift) ^ (byte | 0x20)) & mask; hit |= table[h]`.
 */

const I32 = 0x7f;
const OP = {
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  return: 0x0f,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i32Load8U: 0x2d,
  i32Const: 0x41,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  emptyBlock: 0x40,
} as const;

function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function signedLeb(value: number): number[] {
  const out: number[] = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vector = (items: number[][]): number[] => [...unsignedLeb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...unsignedLeb(bytes.length), ...bytes];
const name = (text: string): number[] => [...unsignedLeb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];

// Locals: 0 start, 1 end, 2 h (parameters); 3 word, 4 hit.
const get = (i: number) => [OP.localGet, i];
const set = (i: number) => [OP.localSet, i];
const constant = (n: number) => [OP.i32Const, ...signedLeb(n)];

/** The module's bytes for a table of `mask + 1` entries, a `shift` per byte and data at `dataOffset`. */
export function trigramModuleBytes(shift: number, mask: number, dataOffset: number, initialPages: number): Uint8Array {
  // h = ((h << shift) ^ byte) & mask; hit |= table[h]
  const step = (byte: number[]) => [
    ...get(2),
    ...constant(shift),
    OP.i32Shl,
    ...byte,
    OP.i32Xor,
    ...constant(mask),
    OP.i32And,
    OP.localTee,
    2,
    OP.i32Load8U,
    0,
    ...unsignedLeb(0),
    ...get(4),
    OP.i32Or,
    ...set(4),
  ];
  const body = [
    OP.loop,
    OP.emptyBlock,
    // if (end - start < 4) return -1
    ...get(1),
    ...get(0),
    OP.i32Sub,
    ...constant(4),
    OP.i32LtU,
    OP.if,
    OP.emptyBlock,
    ...constant(-1),
    OP.return,
    OP.end,
    // word = load32(data + start) | 0x20202020; hit = 0
    ...get(0),
    OP.i32Load,
    0,
    ...unsignedLeb(dataOffset),
    ...constant(0x20202020),
    OP.i32Or,
    ...set(3),
    ...constant(0),
    ...set(4),
    ...step([...get(3), ...constant(0xff), OP.i32And]),
    ...step([...get(3), ...constant(8), OP.i32ShrU, ...constant(0xff), OP.i32And]),
    ...step([...get(3), ...constant(16), OP.i32ShrU, ...constant(0xff), OP.i32And]),
    ...step([...get(3), ...constant(24), OP.i32ShrU]),
    // if (hit) return start
    ...get(4),
    OP.if,
    OP.emptyBlock,
    ...get(0),
    OP.return,
    OP.end,
    // start += 4; continue
    ...get(0),
    ...constant(4),
    OP.i32Add,
    ...set(0),
    OP.br,
    0,
    OP.end,
    ...constant(-1),
    OP.end,
  ];
  const fn = [...vector([[2, I32]]), ...body];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32]]), ...vector([[I32]])]])),
    ...section(3, vector([[0]])),
    ...section(5, vector([[0x00, ...unsignedLeb(initialPages)]])),
    ...section(
      7,
      vector([
        [...name("find"), 0x00, 0],
        [...name("memory"), 0x02, 0],
      ]),
    ),
    ...section(10, vector([[...unsignedLeb(fn.length), ...fn]])),
  ]);
}

/** The instantiated kernel: copy bytes in with {@link load}, then call `find`. */
export interface TrigramKernel {
  find(start: number, end: number, h: number): number;
  /** Copies the bytes to the data area (growing memory as needed). */
  load(bytes: Uint8Array): void;
  /** The trigram table inside the kernel's memory (fill it once). */
  table: Uint8Array;
}

const PAGE = 65536;

/** The slice of the WebAssembly JavaScript API used here (the project's `lib` has no DOM types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** Instantiates the kernel, or returns null where WebAssembly is unavailable. */
export function createTrigramKernel(shift: number, mask: number): TrigramKernel | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wasm) return null;
  const dataOffset = mask + 1;
  try {
    const module = new wasm.Module(trigramModuleBytes(shift, mask, dataOffset, Math.ceil((dataOffset + 1024 * 1024) / PAGE)));
    const instance = new wasm.Instance(module, {});
    const memory = instance.exports.memory as WasmMemory;
    const find = instance.exports.find as (start: number, end: number, h: number) => number;
    let bytesView = new Uint8Array(memory.buffer);
    return {
      find,
      table: new Uint8Array(memory.buffer, 0, dataOffset),
      load(bytes) {
        const needed = dataOffset + bytes.length + 4;
        if (needed > memory.buffer.byteLength) {
          memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
          bytesView = new Uint8Array(memory.buffer);
          this.table = new Uint8Array(memory.buffer, 0, dataOffset);
        }
        bytesView.set(bytes, dataOffset);
      },
    };
  } catch {
    return null;
  }
}
