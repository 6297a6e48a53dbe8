// Runs Contentlayer2's CLI (`node scripts/contentlayer.mjs build`) with Effect-TS fiber tracing off.
// The CLI's first import switches tracing on, and the Effect runtime then keeps execution and stack
// traces for every fiber it forks: profiled, copying those trace buffers took most of a build, and
// the cost grows faster than the number of cards (about 290 s for 10,000). Loading the runtime
// before the CLI fixes its platform with tracing off; nothing else changes (ADR 0002).
import '@effect-ts/system/Effect/runtime';

const { run } = await import('@contentlayer2/cli');
await run();
