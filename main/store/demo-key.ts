// The demo store's entry-token key. Fixed and public on purpose: the simulator signs the tokens of
// a default run with it and `walkout replay` verifies them with it. It lives with the store model
// so the replay need not import the simulator, nor the simulator the replay; a real store's key
// comes from its configuration, never from here.
export const DEMO_STORE_KEY = new Uint8Array(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff));
